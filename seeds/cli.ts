import pg from 'pg';
import { loadSeed } from './load.js';
import { migrate } from '../schema/migrate.js';
import { DEFAULT_SEED, SCALE_NAMES, type ScaleName } from './model.js';

/** `npm run seed -- --scale demo|national|test [--seed N]`: migrate, then load the generated country. */

function parseArgs(argv: readonly string[]): { scale: ScaleName; seed: number } {
  let scale: ScaleName = 'demo';
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--scale' && value !== undefined) {
      if (!(SCALE_NAMES as readonly string[]).includes(value)) throw new Error(`unknown scale ${value}`);
      scale = value as ScaleName;
      i++;
    } else if (arg === '--seed' && value !== undefined) {
      seed = Number(value);
      if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647) throw new Error(`bad seed ${value}`);
      i++;
    } else {
      throw new Error(`usage: npm run seed -- --scale ${SCALE_NAMES.join('|')} [--seed N]`);
    }
  }
  return { scale, seed };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/shnor';
  await migrate(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const report = await loadSeed(pool, options);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await pool.end();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
