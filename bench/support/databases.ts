import { loadDatabaseSettings } from '../../config/settings.js';
import { orExit } from '../../config/operator-error.js';

/**
 * DATABASE_URL as the server and every CLI read it (config/settings.ts, one default): the
 * PostgreSQL server the benchmarks create their databases on. A wrong value ends the process with
 * its sentence, no stack.
 */
export function serverUrl(): string {
  return orExit('bench', () => loadDatabaseSettings()).databaseUrl;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** BENCH_DATABASE_URL, else the `shnor_bench` that `npm run bench:seed` loads on DATABASE_URL's server. */
export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL || withDatabase(serverUrl(), 'shnor_bench');
}
