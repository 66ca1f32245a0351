import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlRouter } from './graphiql.js';
import { loadExamples } from './examples.js';

// The string argument checks that data cannot close the page's <script> element.
const EXAMPLES = `
query SchoolsPage { schools(first: 5, search: "</script><script>alert(1)</script>") { ...SchoolFields } }
query VprStatisticsByRegion($year: Int = 2024) { vprStatistics(year: $year) { region { name } share } }
fragment SchoolFields on School { id name municipality { ...Named } }
fragment Named on Municipality { name }
fragment Unused on School { code }
`;

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'graphiql-test-'));
  const examplesFile = join(dir, 'examples.graphql');
  writeFileSync(examplesFile, EXAMPLES);
  const app = express();
  app.use(graphiqlRouter({ endpoint: '/graphql', examplesFile }));
  // Stands in for Apollo: whatever the IDE router passes on lands here.
  app.all('/graphql', (_req, res) => {
    res.json({ passedOn: true });
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  rmSync(dir, { recursive: true, force: true });
});

async function getPage(): Promise<string> {
  const res = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('vary')).toMatch(/accept/i);
  return res.text();
}

const referencedUrls = (html: string): string[] =>
  [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');

describe('graphiqlRouter', () => {
  it('serves the IDE page to a browser with the example operations', async () => {
    const html = await getPage();
    expect(html).toContain('<title>shnor-analytics — GraphQL IDE</title>');
    expect(html).toContain('SchoolsPage');
    expect(html).toContain('VprStatisticsByRegion');
    expect(html).not.toContain('</script><script>alert');
    expect(html).toContain('\\u003c/script\\u003e');
  });

  it('references only same-origin URLs', async () => {
    const html = await getPage();
    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url).toMatch(/^(\/(?!\/)|data:)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('passes JSON requests and GraphQL GETs on to the next handler', async () => {
    for (const [path, accept] of [
      ['/graphql', 'application/json'],
      ['/graphql', '*/*'],
      ['/graphql?query=%7B__typename%7D', BROWSER_ACCEPT],
    ] as const) {
      const res = await fetch(`${base}${path}`, { headers: { accept } });
      expect(await res.json(), `${path} with ${accept}`).toEqual({ passedOn: true });
    }
    const post = await fetch(`${base}/graphql`, { method: 'POST', headers: { accept: BROWSER_ACCEPT } });
    expect(await post.json()).toEqual({ passedOn: true });
  });

  it('serves every asset the page references, cacheable for a long time', async () => {
    const urls = referencedUrls(await getPage()).filter((url) => url.startsWith('/'));
    const types = await Promise.all(
      urls.map(async (url) => {
        const res = await fetch(`${base}${url}`);
        expect(res.status, url).toBe(200);
        expect(res.headers.get('cache-control'), url).toMatch(/max-age=\d{6,}.*immutable/);
        const type = res.headers.get('content-type') ?? '';
        expect(type, url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/);
        expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
        return type;
      }),
    );
    expect(types.filter((t) => t.startsWith('text/css'))).toHaveLength(2); // GraphiQL's and table.css
    expect(await fetch(`${base}/ide/assets/000000000000/graphiql.min.js`).then((r) => r.status)).toBe(404);
  });

  it('serves what boot.js imports next to it, and exceljs for the XLSX button', async () => {
    const html = await getPage();
    const boot = /<script type="module" src="([^"]*\/boot\.js)"><\/script>/.exec(html)?.[1];
    expect(boot).toBeDefined();
    const seen = new Set<string>();
    const visit = async (url: string): Promise<void> => {
      if (seen.has(url)) return;
      seen.add(url);
      const res = await fetch(`${base}${url}`);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(/^(text|application)\/javascript/);
      const imports = [...(await res.text()).matchAll(/^import .* from '(\.\/[^']+)';$/gm)];
      for (const [, rel] of imports) await visit(new URL(rel ?? '', `${base}${url}`).pathname);
    };
    await visit(boot ?? '');
    expect([...seen].map((url) => url.split('/').pop())).toEqual(
      expect.arrayContaining(['boot.js', 'table-plugin.js', 'table-model.js', 'table-download.js']),
    );
    const config = JSON.parse(/id="graphiql-config">([^<]*)</.exec(html)?.[1] ?? '{}') as {
      excelScript?: string;
    };
    expect(config.excelScript).toMatch(/^\/ide\/assets\/[0-9a-f]{12}\/exceljs\.bare\.min\.js$/);
    const excel = await fetch(`${base}${config.excelScript ?? ''}`);
    expect(excel.status).toBe(200);
    expect(await excel.text()).toContain('ExcelJS');
  });
});

describe('loadExamples', () => {
  it('makes one self-contained tab per operation', () => {
    const examples = loadExamples(join(dir, 'examples.graphql'));
    expect(examples.operationNames).toEqual(['SchoolsPage', 'VprStatisticsByRegion']);
    const [schools, vpr] = examples.tabs.map((t) => t.query);
    expect(schools).toMatch(/^query SchoolsPage/);
    expect(schools).toContain('fragment SchoolFields on School');
    expect(schools).toContain('fragment Named on Municipality');
    expect(schools).not.toContain('Unused');
    expect(vpr).not.toContain('fragment');
  });

  it('names the file when it is not valid GraphQL', () => {
    const broken = join(dir, 'broken.graphql');
    writeFileSync(broken, 'query Broken {');
    expect(() => loadExamples(broken)).toThrow(/broken\.graphql/);
  });
});
