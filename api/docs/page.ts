import { escapeHtml } from './render.js';

/**
 * Nothing but same-origin styles: the pages carry no script at all, and the stylesheet is a file
 * (api/docs/docs.css), so not even inline styles need allowing. Same spirit as the IDE's policy
 * (api/ide/graphiql.ts), stricter because there is nothing to run. `data:` images only for the
 * empty favicon, which keeps the browser from asking for /favicon.ico.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/** Where the stylesheet is served, relative to the pages (they all live directly under /docs/). */
export const STYLESHEET = 'docs.css';

/** A whole HTML page around a rendered body: Russian and English text, the stylesheet, a way back to the index. */
export function docsPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — shnor-analytics</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${STYLESHEET}">
</head>
<body>
<nav><a href="./">Документация / Documentation</a></nav>
<main>
${body}</main>
</body>
</html>
`;
}
