import pg from 'pg';
import { loadSeed, seedManifest } from '../seeds/load.js';
import { loadConfig } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { startServer } from './server.js';

/**
 * `npm start`: without DATABASE_URL an embedded PostgreSQL (data in .data/pg) with the demo data
 * loaded once; with DATABASE_URL that server, and demo data only when SEED_DEMO=1 or --seed-demo.
 */
// `npm start` passes --dev-auth: the development viewer (full scope, no token). A deployment runs
// without it and with AUTH_JWT_SECRET and/or AUTH_JWKS_FILE.
const config = loadConfig(
  process.argv.includes('--dev-auth')
    ? { ...process.env, AUTH_DEV_MODE: process.env.AUTH_DEV_MODE ?? '1' }
    : process.env,
);
const askedForDemo = config.seedDemo || process.argv.includes('--seed-demo');

let embedded: EmbeddedDatabase | undefined;
if (!config.databaseUrl) {
  console.log(`starting embedded PostgreSQL in ${config.embeddedDir} on port ${config.embeddedPort}…`);
  embedded = await startEmbeddedPostgres(config.embeddedDir, config.embeddedPort);
}
const databaseUrl = config.databaseUrl ?? (embedded as EmbeddedDatabase).url;

async function seedIfWanted(): Promise<void> {
  if (!embedded && !askedForDemo) return;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    if (await seedManifest(pool)) return;
    console.log(`loading ${config.seedScale} data (once)…`);
    const report = await loadSeed(pool, { scale: config.seedScale });
    console.log(`loaded ${JSON.stringify(report.rowCounts)} in ${(report.milliseconds / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
  }
}

const server = await startServer(databaseUrl, config, seedIfWanted);
console.log(`shnor-analytics: GraphQL and the IDE at ${server.url}/graphql (health: /healthz, /readyz)`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping…`);
  await server.close();
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
