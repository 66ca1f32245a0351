import pg from 'pg';
import { loadDatabaseSettings } from '../config/settings.js';
import { runMain, UsageError } from '../config/operator-error.js';
import { DEFAULT_SEED, SCALE_NAMES, type ScaleName } from './model.js';

/** `npm run seed -- --scale demo|national|test [--seed N]`: migrate, then load the generated country. */

function parseArgs(argv: readonly string[]): { scale: ScaleName; seed: number } {
  let scale: ScaleName = 'demo';
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--scale' && value !== undefined) {
      if (!(SCALE_NAMES as readonly string[]).includes(value)) {
        throw new UsageError(`unknown scale «${value}»: --scale must be one of ${SCALE_NAMES.join(', ')}`);
      }
      scale = value as ScaleName;
      i++;
    } else if (arg === '--seed' && value !== undefined) {
      seed = Number(value);
      if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647) {
        throw new UsageError(`--seed must be an integer from 0 to 2147483647, got «${value}»`);
      }
      i++;
    } else {
      throw new UsageError(
        `unexpected «${arg ?? ''}»; usage: npm run seed -- --scale ${SCALE_NAMES.join('|')} [--seed N]`,
      );
    }
  }
  return { scale, seed };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const { databaseUrl } = loadDatabaseSettings();
  // MikroORM and the generator load once the arguments and settings are right (a wrong one answers at once).
  const [{ migrate }, { loadSeed }] = await Promise.all([
    import('../schema/migrate.js'),
    import('./load.js'),
  ]);
  await migrate(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const report = await loadSeed(pool, options);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await pool.end();
  }
}

// A wrong setting, argument or database: its sentences, no stack (config/operator-error.ts).
runMain('seed', main);
