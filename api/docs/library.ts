import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsPage } from './page.js';
import { renderMarkdown } from './render.js';

/** The repository's docs/ folder: the only files these routes ever read. */
export const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
const STYLESHEET_FILE = fileURLToPath(new URL('./docs.css', import.meta.url));

/** The index page: docs/README.md, served at /docs/. */
export const INDEX_FILE = 'README.md';
/** A served page's file: lower-case letters, digits and hyphens, `.md`; its name is the part before. */
const PAGE_FILE = /^([a-z0-9][a-z0-9-]*)\.md$/;

export interface DocsLibrary {
  /** The HTML of the index. */
  index: string;
  /** The HTML of each other page, by the name in its URL (`methodology`, `data-formats`). */
  pages: ReadonlyMap<string, string>;
  stylesheet: string;
}

/**
 * Every page rendered once, when the server starts: a request only looks a name up in this map,
 * so no part of a URL ever reaches the file system (nothing to traverse), and a page costs no
 * markdown work per request. Only regular files directly in the folder count — not folders, not
 * symbolic links, which could point elsewhere.
 */
export function loadDocs(dir: string = DOCS_DIR): DocsLibrary {
  const render = (file: string): string => {
    const doc = renderMarkdown(readFileSync(join(dir, file), 'utf8'));
    return docsPage(doc.title || file, doc.body);
  };
  const pages = new Map<string, string>();
  const files = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile());
  for (const file of files.map((entry) => entry.name).sort()) {
    const name = PAGE_FILE.exec(file)?.[1];
    if (name) pages.set(name, render(file));
  }
  return { index: render(INDEX_FILE), pages, stylesheet: readFileSync(STYLESHEET_FILE, 'utf8') };
}
