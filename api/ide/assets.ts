import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The files the IDE page loads, all from this server (node_modules and this folder), so that it
// works in a closed network. graphiql.ts renders the page that references them and serves them.

export const ASSET_PREFIX = '/ide/assets';

export interface Asset {
  file: string;
  /**
   * `script` and `module` are referenced by the page, `served` only by other assets: the modules
   * that boot.js imports, and exceljs, which the table panel loads on the first XLSX download.
   */
  kind: 'script' | 'module' | 'style' | 'served';
  /** `<hash>/<name>`: the hash makes the URL change with the content, so it can be cached forever. */
  key: string;
}

const require = createRequire(import.meta.url);
// The packages' `exports` maps hide their UMD builds, so resolve package.json and join from there.
const packageFile = (pkg: string, rel: string): string =>
  join(dirname(require.resolve(`${pkg}/package.json`)), rel);

const sha = (...contents: Buffer[]): string => {
  const hash = createHash('sha256');
  for (const content of contents) hash.update(content);
  return hash.digest('hex').slice(0, 12);
};

function asset(file: string, name: string, kind: Asset['kind']): Asset {
  return { file, kind, key: `${sha(readFileSync(file))}/${name}` };
}

/**
 * boot.js and the modules it imports by relative URL (`./table-plugin.js`) share one folder, so
 * its hash is of all of them together: a change to any one moves them all to a new URL.
 */
const MODULES = ['boot.js', 'table-plugin.js', 'table-model.js', 'table-download.js'];

function moduleAssets(): Asset[] {
  const files = MODULES.map((name) => ({ name, file: fileURLToPath(new URL(`./${name}`, import.meta.url)) }));
  const hash = sha(...files.flatMap(({ name, file }) => [Buffer.from(`${name}\0`), readFileSync(file)]));
  return files.map(({ name, file }) => ({
    file,
    kind: name === 'boot.js' ? 'module' : 'served',
    key: `${hash}/${name}`,
  }));
}

/** exceljs' build without polyfills: every browser that runs GraphiQL 3 has what they add. */
const excelAsset = (): Asset =>
  asset(packageFile('exceljs', 'dist/exceljs.bare.min.js'), 'exceljs.bare.min.js', 'served');

export interface Assets {
  /** In load order: GraphiQL's UMD build expects the React globals, boot.js expects all three. */
  assets: Asset[];
  excel: Asset;
}

export function loadAssets(): Assets {
  const excel = excelAsset();
  const assets = [
    asset(packageFile('graphiql', 'graphiql.min.css'), 'graphiql.min.css', 'style'),
    asset(fileURLToPath(new URL('./table.css', import.meta.url)), 'table.css', 'style'),
    asset(packageFile('react', 'umd/react.production.min.js'), 'react.production.min.js', 'script'),
    asset(
      packageFile('react-dom', 'umd/react-dom.production.min.js'),
      'react-dom.production.min.js',
      'script',
    ),
    asset(packageFile('graphiql', 'graphiql.min.js'), 'graphiql.min.js', 'script'),
    ...moduleAssets(),
    excel,
  ];
  return { assets, excel };
}

export const assetUrl = (base: string, a: Asset): string => `${base}${ASSET_PREFIX}/${a.key}`;
