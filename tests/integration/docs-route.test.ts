import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugOf } from '../../api/docs/slug.js';
import { type RunningServer } from '../../api/server.js';
import { startTestServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the path sent exactly as written: fetch would resolve `..` before sending it. */
function rawGet(path: string): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const markdown = (name: string): string =>
  readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

/** The ids of the `##`/`###` headings of a markdown page, as GitHub (and the route) make them. */
const headingIds = (source: string): string[] =>
  [...source.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,3} (.+)$/gm)].map((m) =>
    slugOf((m[1] as string).replace(/`/g, '')),
  );

function expectHtmlPage(answer: Answer): void {
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
  const csp = String(answer.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('script-src');
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.body).toMatch(/^<!doctype html>/);
  expect(answer.body).not.toContain('<script');
  expect(answer.body).toContain('<link rel="stylesheet" href="docs.css">');
}

describe('GET /docs', () => {
  it('serves the index at /docs/ and sends /docs there', async () => {
    const index = await rawGet('/docs/');
    expectHtmlPage(index);
    expect(index.body).toContain('<a href="methodology">');
    expect(index.body).toContain('<a href="data-formats">');
    const bare = await rawGet('/docs');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/docs/');
  });

  it.each([['methodology'], ['data-formats']])('serves %s with an id for every heading', async (name) => {
    const page = await rawGet(`/docs/${name}`);
    expectHtmlPage(page);
    const ids = new Set([...page.body.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]));
    for (const id of headingIds(markdown(`${name}.md`))) expect(ids, id).toContain(id);
  });

  it('has the anchors the schema links to, and every link between the pages lands on one', async () => {
    const pages = new Map<string, string>([['index', (await rawGet('/docs/')).body]]);
    for (const name of ['methodology', 'data-formats']) pages.set(name, (await rawGet(`/docs/${name}`)).body);
    const idsOf = (name: string) =>
      new Set([...(pages.get(name) ?? '').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const linked = [
      'indicators',
      'ranking-and-the-list',
      'statuses',
      'exit-candidates',
      'objectivity-markers',
    ];
    linked.push('risk-profile', 'social-context', 'dynamics', 'cohort', 'parameters', 'versions-and-what-if');
    for (const id of linked) expect(idsOf('methodology')).toContain(id);
    for (const id of ['subjects', 'kind-vpr', 'kind-indicators', 'how-a-bad-file-is-refused', 'limits']) {
      expect(idsOf('data-formats')).toContain(id);
    }
    for (const [from, body] of pages) {
      for (const [, target, fragment] of body.matchAll(/href="((?:methodology|data-formats)?)#([^"]+)"/g)) {
        expect(idsOf(target || from), `${from} → ${target}#${fragment}`).toContain(fragment);
      }
    }
  });

  it('serves the stylesheet, and sends repository links (.md) to their pages', async () => {
    const css = await rawGet('/docs/docs.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const md = await rawGet('/docs/methodology.md');
    expect(md.status).toBe(301);
    expect(md.headers.location).toBe('/docs/methodology');
    expect((await rawGet('/docs/README.md')).headers.location).toBe('/docs/');
    expect((await rawGet('/docs/methodology/')).headers.location).toBe('/docs/methodology');
  });

  it.each([
    ['/docs/..%2fpackage.json'],
    ['/docs/..%2F..%2Fpackage.json'],
    ['/docs/%2e%2e%2fpackage.json'],
    ['/docs/..%5cpackage.json'],
    ['/docs/../package.json'],
    ['/docs/..%2fapi%2fdocs%2fdocs.route.ts'],
    ['/docs/%2Fetc%2Fpasswd'],
    ['/docs/%2fwork%2fmain%2fpackage.json'],
    ['/docs//etc/passwd'],
    ['/docs/methodology/../../package.json'],
    ['/docs/..'],
    ['/docs/.env'],
    ['/docs/library.ts'],
    ['/docs/not-a-doc'],
    ['/docs/%zz'],
    ['/docs/not-a-doc.md'],
    ['/docs/README'],
    ['/docs/Methodology'],
  ])('answers 404 to %s and reads no file', async (path) => {
    const answer = await rawGet(path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('shnor-analytics');
    expect(answer.body).not.toContain('root:');
  });

  it('keeps GraphQL answering while pages are served', async () => {
    const pages = Array.from({ length: 30 }, (_, i) =>
      rawGet(i % 2 ? '/docs/methodology' : '/docs/data-formats'),
    );
    const started = performance.now();
    const graphql = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' }),
    });
    const elapsed = performance.now() - started;
    const body = (await graphql.json()) as { data?: { regions: { totalCount: number } } };
    expect(body.data?.regions.totalCount).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(2000);
    for (const page of await Promise.all(pages)) expect(page.status).toBe(200);
  });
});
