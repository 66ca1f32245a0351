import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer table of the README (Layout) is a lint rule; these plant a forbidden import in each
 * layer and expect `npm run lint` to refuse it, and read every import of the tree for a folder cycle.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYERS = ['config', 'db', 'schema', 'analytics', 'ingest', 'seeds', 'api', 'bench'] as const;

async function lintErrors(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const PLANTED: [file: string, importLine: string][] = [
  ['analytics/shnor/planted.ts', `import { GraphQLError } from 'graphql';`],
  ['analytics/shnor/planted.ts', `import { type Context } from '../../api/context.js';`],
  ['analytics/shnor/planted.ts', `import { type Queryable } from '../../db/queryable.js';`],
  ['analytics/sql/planted.ts', `import { buildApiSchema } from '../../api/graphql/schema.js';`],
  ['ingest/write/planted.ts', `import { loadConfig } from '../../api/app.js';`],
  ['ingest/planted.ts', `import { REGIONS } from '../seeds/regions.js';`],
  ['ingest/planted.ts', `import { readMarkers } from '../analytics/sql/markers-store.js';`],
  ['seeds/planted.ts', `import { createApp } from '../api/app.js';`],
  ['schema/planted.ts', `import { buildApiSchema } from '../api/graphql/schema.js';`],
  ['schema/planted.ts', `import { computeShnor } from '../analytics/shnor/index.js';`],
  ['db/planted.ts', `import { ormConfig } from '../schema/orm-config.js';`],
  ['db/planted.ts', `import { GraphQLError } from 'graphql';`],
  ['config/planted.ts', `import { ormConfig } from '../schema/orm-config.js';`],
  ['api/planted.ts', `import { main } from '../bench/analytics.js';`],
];

const ALLOWED: [file: string, importLine: string][] = [
  ['analytics/sql/planted.ts', `import { type Queryable } from '../../db/queryable.js';`],
  ['ingest/planted.ts', `import { refreshAfterWrite } from '../analytics/sql/refresh.js';`],
  ['ingest/planted.ts', `import { type Queryable } from '../db/queryable.js';`],
  ['seeds/planted.ts', `import { runImport } from '../ingest/import.js';`],
  ['api/planted.ts', `import { loadSeed } from '../seeds/load.js';`],
];

describe('layers (README: Layout)', () => {
  it.each(PLANTED)('%s may not: %s', async (file, line) => {
    expect(await lintErrors(file, `${line}\nexport const planted = 1;\n`)).toHaveLength(1);
  });

  it.each(ALLOWED)('%s may: %s', async (file, line) => {
    expect(await lintErrors(file, `${line}\nexport const planted = 1;\n`)).toEqual([]);
  });

  it('the folders form no cycle', async () => {
    const edges = new Map<string, Set<string>>(LAYERS.map((l) => [l, new Set()]));
    for (const layer of LAYERS) {
      for (const file of await sourceFiles(path.join(ROOT, layer))) {
        const text = await readFile(file, 'utf8');
        for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
          const target = path
            .relative(ROOT, path.resolve(path.dirname(file), spec as string))
            .split(path.sep)[0];
          if (target && target !== layer && edges.has(target)) edges.get(layer)?.add(target);
        }
      }
    }
    expect(findCycle(edges)).toBeNull();
  });
});

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** A cycle of folders as a path (a → b → a), or null. */
function findCycle(edges: Map<string, Set<string>>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, trail: string[]): string | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...trail, node].join(' → ');
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return null;
}
