import { type Request } from 'express';
import { type Viewer } from '../../db/viewer.js';

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

/**
 * The address a caller is counted by: an IPv6 address by its /64, which one subscriber holds whole
 * (rotating inside it must not open new windows); IPv4 as it is.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'address:unknown';
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return `address:${ip}`;
  const [head = '', tail = ''] = ip.split('::');
  const groups = head ? head.split(':') : [];
  if (ip.includes('::')) {
    const rest = tail ? tail.split(':') : [];
    groups.push(...Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest);
  }
  return `address:${groups.slice(0, 4).join(':')}::/64`;
}

/** Whom limits count a request against: the verified caller, else (no or a bad credential) the address. */
export async function callerKey(req: Request, viewerOf: (req: Request) => Promise<Viewer>): Promise<string> {
  const viewer = await viewerOf(req).catch(() => null);
  return viewer?.caller ?? addressKey(req.ip);
}
