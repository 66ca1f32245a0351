import { type Request } from 'express';
import { type Viewer } from './viewer.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Who asks, authenticated once per request (rate limit, pool share, GraphQL, file routes). */
    viewerPromise?: Promise<Viewer>;
  }
}

/** The request's viewer, authenticated on first use and then shared by every part of the request. */
export function requestViewer(
  req: Request,
  authenticate: (req: Request) => Promise<Viewer>,
): Promise<Viewer> {
  req.viewerPromise ??= authenticate(req);
  return req.viewerPromise;
}

/** Whom limits count a request against: the verified caller, else (no or a bad credential) the address. */
export async function callerKey(req: Request, viewerOf: (req: Request) => Promise<Viewer>): Promise<string> {
  const viewer = await viewerOf(req).catch(() => null);
  return viewer?.caller ?? `address:${req.ip ?? 'unknown'}`;
}
