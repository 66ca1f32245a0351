import { type NextFunction, type Request, type Response } from 'express';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Role } from '../../db/viewer.js';

/** The manifest codegen writes from the committed operations: `sha256:<hex>` → the operation's text. */
export const TRUSTED_DOCUMENTS_FILE = fileURLToPath(
  new URL('../operations/generated/persisted-documents.json', import.meta.url),
);

export type TrustedDocuments = ReadonlyMap<string, string>;

export function loadTrustedDocuments(file: string = TRUSTED_DOCUMENTS_FILE): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return new Map(Object.entries(manifest));
}

/** A bare hex hash is taken as SHA-256, as Apollo's persisted-query extension sends it. */
function normalizeId(id: string): string {
  return id.includes(':') ? id : `sha256:${id}`;
}

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

/** The id a request names: `documentId` (GraphQL over HTTP) or Apollo's `extensions.persistedQuery`. */
function requestedId(body: GraphQLBody): string | undefined {
  if (typeof body.documentId === 'string') return normalizeId(body.documentId);
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? normalizeId(hash) : undefined;
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Express middleware before Apollo: a request naming a trusted document by id gets its text;
 * `res.locals.trustedDocument` then says which one ran, for the persisted-only rule of the context.
 */
export function trustedDocumentsMiddleware(documents: TrustedDocuments) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET') return getById(documents, req, res, next);
    const body = (req.body ?? {}) as GraphQLBody;
    const id = req.method === 'POST' ? requestedId(body) : undefined;
    if (id === undefined) return next();
    const text = documents.get(id);
    if (text === undefined) {
      return refuse(res, 404, 'PERSISTED_QUERY_NOT_FOUND', `No trusted document ${id}`);
    }
    if (typeof body.query === 'string' && body.query !== text) {
      return refuse(res, 400, 'BAD_REQUEST', `The query sent is not trusted document ${id}`);
    }
    const { persistedQuery: _apq, ...extensions } = body.extensions ?? {};
    // Apollo would otherwise run its own (automatic) persisted-query protocol on the extension.
    req.body = { ...body, query: text, documentId: undefined, extensions };
    res.locals.trustedDocument = id;
    next();
  };
}

/**
 * `GET /graphql?documentId=sha256:…&variables={…}` (what Grafana and other dashboards send): the
 * URL is rewritten to carry the document's text, which Apollo's GET handling reads.
 */
function getById(documents: TrustedDocuments, req: Request, res: Response, next: NextFunction): void {
  const params = new URLSearchParams(req.url.split('?')[1] ?? '');
  const asked = params.get('documentId');
  if (asked === null) return next();
  const id = normalizeId(asked);
  const text = documents.get(id);
  if (text === undefined) return refuse(res, 404, 'PERSISTED_QUERY_NOT_FOUND', `No trusted document ${id}`);
  const sent = params.get('query');
  if (sent !== null && sent !== text) {
    return refuse(res, 400, 'BAD_REQUEST', `The query sent is not trusted document ${id}`);
  }
  params.delete('documentId');
  params.set('query', text);
  req.url = `${req.url.split('?')[0] ?? ''}?${params.toString()}`;
  res.locals.trustedDocument = id;
  next();
}

/** Roles that may only run trusted documents (PERSISTED_ONLY_ROLES), e.g. BI service accounts. */
export function mustUseTrustedDocument(
  role: Role,
  persistedOnlyRoles: readonly Role[],
  trustedDocument: unknown,
): boolean {
  return persistedOnlyRoles.includes(role) && typeof trustedDocument !== 'string';
}
