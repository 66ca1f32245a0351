import pg from 'pg';

/**
 * A start-up problem stated for the operator: one line, what to do, no stack trace. Printed by
 * config/operator-error.ts, which knows it by this flag (db/ may not import config/: config/ imports db/).
 */
export class StartupError extends Error {
  readonly operatorFacing = true;
}

function where(url: URL): string {
  return `${url.hostname}:${url.port || 5432}`;
}

/**
 * The server serves an existing database only: a mistyped name must fail at start, not be created
 * and migrated into an empty platform (the migrator would create it). Seeding and tests create theirs.
 */
export async function assertDatabaseExists(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '3D000') {
      throw new StartupError(
        `database «${name}» does not exist on ${where(url)}: check DATABASE_URL, or create it (createdb ${name}) and load data (npm run seed, or SEED_DEMO=1)`,
      );
    }
    throw new StartupError(
      `cannot reach PostgreSQL at ${where(url)} (${code ?? (error as Error).message}): is it running, and is DATABASE_URL right?`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
