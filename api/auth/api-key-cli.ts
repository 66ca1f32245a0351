import pg from 'pg';
import { fromPgPool } from '../../db/queryable.js';
import { migrate } from '../../schema/migrate.js';
import { createApiKey, revokeApiKey } from './api-keys.js';

/**
 * Admin CLI for BI service accounts (uses DATABASE_URL):
 *   npm run api-key -- create --name dashboard-56 --role BI_SERVICE --regions 56,63   (prints the key once)
 *   npm run api-key -- revoke --name dashboard-56
 */
const [command, ...rest] = process.argv.slice(2);
const options = new Map<string, string>();
for (let i = 0; i < rest.length; i += 2) options.set((rest[i] ?? '').replace(/^--/, ''), rest[i + 1] ?? '');
const name = options.get('name');
const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/shnor';
if (!name || (command !== 'create' && command !== 'revoke')) {
  console.error(
    'usage: npm run api-key -- create --name NAME --role ROLE [--regions 56,63 | --all true | --region 56 | …] | revoke --name NAME',
  );
  process.exit(2);
}
await migrate(url);
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
