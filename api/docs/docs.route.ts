import { type NextFunction, type Request, type Response, Router } from 'express';
import { type DocsLibrary, loadDocs } from './library.js';
import { DOCS_CSP, STYLESHEET } from './page.js';

/** Revalidated on every visit (ETag): a new release's pages show at once, unchanged ones cost a 304. */
const COMMON_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function sendPage(res: Response, html: string): void {
  res
    .status(200)
    .type('html')
    .set({ ...COMMON_HEADERS, 'Content-Security-Policy': DOCS_CSP })
    .send(html);
}

function notFound(res: Response): void {
  res.status(404).type('text').set(COMMON_HEADERS).send('Not found');
}

/** With routing not strict, `/docs` and `/docs/` (and `/docs/x/`) reach the same handlers. */
const endsWithSlash = (req: Request): boolean => req.path.endsWith('/');

/**
 * The documentation of docs/ as HTML pages, for analysts in a browser on a closed network:
 * `GET /docs/` the index (docs/README.md), `GET /docs/<name>` the page docs/<name>.md, with heading
 * ids for `#anchors` and a strict Content-Security-Policy. Anything else under /docs is 404: a
 * name is only looked up among the pages rendered at start (api/docs/library.ts), never used as a
 * path. Public like the schema it explains: no authentication, but rate-limited like every route.
 */
export function docsRouter(library: DocsLibrary = loadDocs()): Router {
  const router = Router();

  router.get('/docs', (req, res) => {
    // The pages link to each other and to the stylesheet relatively, as files of the folder /docs/.
    if (!endsWithSlash(req)) return res.redirect(301, `${req.baseUrl}/docs/`);
    sendPage(res, library.index);
  });

  router.get(`/docs/${STYLESHEET}`, (_req, res) => {
    res.status(200).type('css').set(COMMON_HEADERS).send(library.stylesheet);
  });

  router.get('/docs/:name', (req, res) => {
    const name = req.params.name;
    const page = library.pages.get(name);
    if (page !== undefined) {
      if (endsWithSlash(req)) return res.redirect(301, `${req.baseUrl}/docs/${name}`);
      return sendPage(res, page);
    }
    // A link copied from the repository (`methodology.md`, `README.md`) leads to its page; the
    // target is built from a known name only, so this redirects nowhere else.
    const base = /^(.+)\.md$/.exec(name)?.[1];
    if (base === 'README') return res.redirect(301, `${req.baseUrl}/docs/`);
    if (base !== undefined && library.pages.has(base))
      return res.redirect(301, `${req.baseUrl}/docs/${base}`);
    notFound(res);
  });

  // Deeper paths (`/docs/a/b`, `/docs//etc/passwd`) name no page either.
  router.get('/docs/*rest', (_req, res) => notFound(res));

  // A name that is no valid percent-encoding (`/docs/%zz`) fails to decode before any handler
  // runs; it names no page either, so it is a 404 rather than a server error in the log.
  router.use('/docs', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof URIError) return notFound(res);
    next(error);
  });

  return router;
}
