import express from 'express';
import { ASSET_PREFIX, type Asset, assetUrl, loadAssets } from './assets.js';
import { loadExamples } from './examples.js';

export interface GraphiqlOptions {
  /** Path of the GraphQL endpoint, relative to where the router is mounted, e.g. `/graphql`. */
  endpoint: string;
  /** A `.graphql` file of named example operations; each becomes a GraphiQL tab. */
  examplesFile: string;
  title?: string;
}

const DEFAULT_TITLE = 'shnor-analytics — GraphQL IDE';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON that cannot end its `<script>` element early nor be read as HTML. */
const jsonForScript = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

// Everything is same-origin; the CSP makes the browser refuse anything else should a future
// GraphiQL build try to reach a CDN. Fonts and icons are data: URLs inside graphiql.min.css,
// and CodeMirror sets inline styles, hence those two allowances. The table panel needs nothing
// more: exceljs is a same-origin script (and runs without eval), and its CSV/XLSX files are saved
// from blob: URLs, which a CSP does not govern (tests/browser/graphiql-table.test.ts checks both).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

function renderPage(title: string, base: string, config: unknown, assets: readonly Asset[]): string {
  const url = (a: Asset): string => escapeHtml(assetUrl(base, a));
  const styles = assets
    .filter((a) => a.kind === 'style')
    .map((a) => `<link rel="stylesheet" href="${url(a)}">`);
  // Modules run after the page is parsed, so after the classic UMD scripts whose globals they use.
  const scripts = assets.flatMap((a) => {
    if (a.kind === 'script') return [`<script src="${url(a)}"></script>`];
    return a.kind === 'module' ? [`<script type="module" src="${url(a)}"></script>`] : [];
  });
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
${styles.join('\n')}
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Загрузка GraphiQL…</div>
<script type="application/json" id="graphiql-config">${jsonForScript(config)}</script>
${scripts.join('\n')}
</body>
</html>
`;
}

/** A browser navigation, as opposed to a GraphQL GET (`?query=`) or a client asking for JSON. */
function wantsIde(req: express.Request): boolean {
  return (req.get('accept') ?? '').includes('text/html') && req.query['query'] === undefined;
}

/**
 * Serves GraphiQL at `GET <endpoint>` to browsers, with the assets taken from node_modules so
 * the IDE works without internet. Mount it before Apollo's middleware: requests that are not a
 * browser navigation are passed on with `next()`.
 */
export function graphiqlRouter(options: GraphiqlOptions): express.Router {
  const examples = loadExamples(options.examplesFile);
  const { assets, excel } = loadAssets();
  const byKey = new Map(assets.map((a) => [a.key, a]));
  const router = express.Router();

  router.get(options.endpoint, (req, res, next) => {
    if (!wantsIde(req)) return next();
    // baseUrl keeps URLs right when the app mounts this router under a prefix.
    const endpoint = `${req.baseUrl}${options.endpoint}`;
    const { tabs, source } = examples;
    const excelScript = assetUrl(req.baseUrl, excel);
    const config = { endpoint, tabs, excelScript, ...(tabs.length > 0 ? {} : { defaultQuery: source }) };
    res
      .status(200)
      .type('html')
      .set({
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        // The same URL answers JSON to GraphQL clients, so caches must key on Accept.
        Vary: 'Accept',
      })
      .send(renderPage(options.title ?? DEFAULT_TITLE, req.baseUrl, config, assets));
  });

  router.get(`${ASSET_PREFIX}/:hash/:name`, (req, res, next) => {
    const found = byKey.get(`${req.params.hash}/${req.params.name}`);
    if (!found) {
      res.status(404).type('text').send('Not found');
      return;
    }
    res.sendFile(
      found.file,
      { maxAge: '1y', immutable: true, headers: { 'X-Content-Type-Options': 'nosniff' } },
      (err) => {
        if (err) next(err);
      },
    );
  });

  return router;
}
