// `npm run build`, after tsc (`node scripts/copy-assets.mjs [outDir]`, default dist): the files the server reads beside its modules (CSS, the IDE's scripts,
// GraphQL documents, the docs pages, the demo's roadmap), copied to the same places under dist/.
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const OUT = process.argv[2] ?? 'dist';
const RUNTIME = ['api', 'config', 'db', 'schema', 'analytics', 'ingest', 'seeds'];
const isAsset = (name) => !/\.(ts|tsx)$/.test(name) && !/\.test\./.test(name);

function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (isAsset(entry.name)) cpSync(path, join(OUT, path));
  }
}

for (const dir of RUNTIME) copyAssets(dir);
cpSync('docs', join(OUT, 'docs'), { recursive: true });
