import pg from 'pg';
import { loadDatabaseSettings } from '../../config/settings.js';
import { exitOnOperatorError, orExit, UsageError } from '../../config/operator-error.js';
import { fromPgPool } from '../../db/queryable.js';
import { createApiKey, revokeApiKey } from './api-keys.js';

/**
 * Admin CLI for BI service accounts (uses DATABASE_URL, default in config/settings.ts):
 *   npm run api-key -- create --name dashboard-56 --role BI_SERVICE --regions 56,63   (prints the key once)
 *   npm run api-key -- revoke --name dashboard-56
 */
const [command, ...rest] = process.argv.slice(2);
const options = new Map<string, string>();
for (let i = 0; i < rest.length; i += 2) options.set((rest[i] ?? '').replace(/^--/, ''), rest[i + 1] ?? '');
const name = options.get('name');
if (!name || (command !== 'create' && command !== 'revoke')) {
  const what =
    command !== 'create' && command !== 'revoke' ? `unknown command «${command ?? ''}»` : '--name is needed';
  exitOnOperatorError(
    'api-key',
    new UsageError(
      `${what}; usage: npm run api-key -- create --name NAME --role ROLE [--regions 56,63 | --all true | --region 56 | …] | revoke --name NAME`,
    ),
  );
}
const { databaseUrl: url } = orExit('api-key', () => loadDatabaseSettings());
// MikroORM loads once the arguments and settings are right (a wrong one answers at once).
const { migrate } = await import('../../schema/migrate.js');
await migrate(url).catch((error: unknown) => exitOnOperatorError('api-key', error));
const pool = new pg.Pool({ connectionString: url, max: 1 });
const db = fromPgPool(pool);
try {
  if (command === 'create') {
    const claims: Record<string, unknown> = {
      role: options.get('role') ?? 'BI_SERVICE',
      sub: `api-key:${name}`,
    };
    for (const [key, value] of options) {
      if (key === 'regions') claims.regions = value.split(',');
      else if (key === 'all') claims.all = value === 'true';
      else if (key !== 'name' && key !== 'role') claims[key] = value;
    }
    console.log(await createApiKey(db, name, claims));
  } else if (!(await revokeApiKey(db, name))) {
    console.error(`no live key named «${name}»`);
    process.exitCode = 1;
  }
} finally {
  await pool.end();
}
