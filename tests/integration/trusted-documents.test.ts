import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { loadTrustedDocuments } from '../../api/trusted/trusted-documents.js';
import { startTestServer } from '../support/server.js';

const SECRET = 'trusted-documents-secret-of-32-bytes';
const documents = loadTrustedDocuments();
let server: RunningServer;
let bi: string;
let ministry: string;

beforeAll(async () => {
  server = await startTestServer({
    AUTH_DEV_MODE: '0',
    AUTH_JWT_SECRET: SECRET,
    PERSISTED_ONLY_ROLES: 'BI_SERVICE',
  });
  bi = await mintToken(SECRET, { role: 'BI_SERVICE', regions: ['56'], sub: 'dashboard-56' });
  ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'ministry' });
});
afterAll(() => server.close());

function idOf(operationName: string): string {
  for (const [id, text] of documents) if (new RegExp(`^query ${operationName}\\b`).test(text)) return id;
  throw new Error(`no trusted document ${operationName}`);
}

async function post(token: string, body: object) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, ...json };
}

describe('trusted documents', () => {
  it('the manifest is keyed by the SHA-256 of each committed operation', () => {
    expect(documents.size).toBeGreaterThan(5);
    for (const [id, text] of documents) {
      expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    }
  });

  it('a BI service account runs a trusted document by id, within its scope', async () => {
    const answer = await post(bi, {
      documentId: idOf('VprStatisticsByRegion'),
      variables: { filter: { years: [2026] } },
    });
    expect(answer.errors).toBeUndefined();
    const rows = (answer.data?.vprStatistics as { nodes: { region: { code: string } }[] }).nodes;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.region.code))).toEqual(new Set(['56']));
  });

  it("Apollo's persistedQuery extension with a bare hash works the same", async () => {
    const hash = idOf('Regions').slice('sha256:'.length);
    const answer = await post(bi, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.regions as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
  });

  it('a BI service account sending free text is refused, even with the text of a trusted document', async () => {
    for (const query of ['{ regions { nodes { code } } }', documents.get(idOf('Regions'))]) {
      const answer = await post(bi, { query });
      expect(answer.status).toBe(403);
      expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('an unknown id is refused, and a query that differs from the named document too', async () => {
    const unknown = await post(bi, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.status).toBe(404);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const forged = await post(bi, {
      documentId: idOf('Regions'),
      query: '{ schools(first: 500) { totalCount } }',
    });
    expect(forged.status).toBe(400);
  });

  it('other roles still send free queries; the manifest is served for dashboard builders', async () => {
    const answer = await post(ministry, { query: '{ regions { nodes { code } } }' });
    expect(answer.errors).toBeUndefined();
    const manifest = await fetch(`${server.url}/graphql/trusted-documents.json`);
    expect(manifest.status).toBe(200);
    expect(Object.keys((await manifest.json()) as object).sort()).toEqual([...documents.keys()].sort());
  });
});

describe('GET /graphql for dashboards (issue 10)', () => {
  const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql?${new URLSearchParams(params).toString()}`, { headers });

  it('a GET with a token passes CSRF prevention; without one (nor a preflight header) it is refused', async () => {
    const query = '{ regions(first: 1) { totalCount } }';
    const withToken = await get({ query }, { authorization: `Bearer ${ministry}` });
    expect(withToken.status).toBe(200);
    expect(((await withToken.json()) as { data?: unknown }).data).toHaveProperty('regions.totalCount');
    const bare = await get({ query });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toMatch(/CSRF/);
  });

  it('a GET names a trusted document by documentId, with its variables — a BI service account too', async () => {
    const id = idOf('VprStatisticsByRegion');
    const response = await get(
      { documentId: id, variables: JSON.stringify({ filter: { years: [2026] } }) },
      { authorization: `Bearer ${bi}` },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data?: { vprStatistics?: { nodes: unknown[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.vprStatistics?.nodes.length).toBeGreaterThan(0);
    const unknown = await get({ documentId: 'sha256:00' }, { authorization: `Bearer ${bi}` });
    expect(unknown.status).toBe(404);
  });
});
