import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { buildDemoSupportYearAt, type DemoSupportSummary } from '../../api/demo/support-year.js';
import { type RunningServer } from '../../api/server.js';
import { loadConfig } from '../../config/settings.js';
import { closePrinter, NO_PRINTING, printHtml, PRINTING } from '../support/chromium.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * The printed documents as a browser prints them (issue 12 item 8: «an HTML page a browser prints
 * cleanly»): the roadmap and the order's three appendices of the demo's support year, each page
 * from GET /export/<name>.html printed by headless Chromium to PDF and read back with poppler —
 * A4 in the orientation the page asks for, every page numbered «Стр. N из M», the table's header on
 * every page, and every row the API returns present in the text (nothing cut off or hidden).
 */
const SECRET = 'print-chromium-test-secret-of-32-bytes!!';

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let token: string;
let demo: DemoSupportSummary;

async function ask<T>(query: string): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

async function printed(path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  const html = await response.text();
  const orientation = /@page \{\s*size: A4 (landscape|portrait)/.exec(html)?.[1];
  expect(orientation, 'the page asks for A4').toBeDefined();
  return { orientation, pdf: await printHtml(html) };
}

/** What every printed document shares: A4 as asked, numbered pages, the header on each. */
function expectCleanPages(doc: Awaited<ReturnType<typeof printed>>, header: RegExp) {
  const { pdf, orientation } = doc;
  const [long, short] = [841.9, 595.3];
  const [width, height] = orientation === 'landscape' ? [long, short] : [short, long];
  expect(Math.abs(pdf.width - width)).toBeLessThan(2);
  expect(Math.abs(pdf.height - height)).toBeLessThan(2);
  expect(pdf.pageTexts).toHaveLength(pdf.pages);
  pdf.pageTexts.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(`Стр. ${i + 1} из ${pdf.pages}`);
    expect(text, `page ${i + 1}: the table's header`).toMatch(header);
  });
}

const allText = (doc: Awaited<ReturnType<typeof printed>>) => doc.pdf.pageTexts.join('\n');

describe.skipIf(!PRINTING)(PRINTING ? 'printed documents in Chromium' : NO_PRINTING, () => {
  beforeAll(async () => {
    fresh = await createFreshDatabase({ seed: 'demo' });
    const built = await buildDemoSupportYearAt(fresh.url, loadConfig({ NODE_ENV: 'test' }));
    if (!built) throw new Error('the demo support year was not built');
    demo = built;
    server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
    db = new pg.Pool({ connectionString: fresh.url, max: 2 });
    token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'print-test' });
  }, 120_000);
  afterAll(async () => {
    await closePrinter();
    await server?.close();
    await db?.end();
    await fresh?.drop();
  });

  it('the roadmap: every activity by its number, over several pages with the header repeated', async () => {
    const { roadmap } = await ask<{ roadmap: { activities: { number: string }[] } }>(
      `{ roadmap(id: "${demo.roadmapId}") { activities { number } } }`,
    );
    expect(roadmap.activities).toHaveLength(23);
    const doc = await printed(`/export/roadmap.html?id=${demo.roadmapId}&asOf=2026-12-01`);
    expectCleanPages(doc, /п\/п/);
    expect(doc.pdf.pages).toBeGreaterThan(1);
    const text = allText(doc);
    for (const { number } of roadmap.activities) {
      const escaped = number.replace(/\./g, '\\.');
      expect(text, `activity ${number}`).toMatch(new RegExp(`^\\s*${escaped}\\s`, 'm'));
    }
  });

  it('the appendix of the list: every included school by name', async () => {
    const [order] = (
      await db.query<{ id: string }>(
        `select o.id::text from support_order o where o.municipality_id is null order by o.id limit 1`,
      )
    ).rows;
    const { shnorList } = await ask<{ shnorList: { entries: { nodes: { schoolName: string }[] } } }>(
      `{ shnorList(id: "${demo.listId}") { entries(included: true, first: 100) { nodes { schoolName } } } }`,
    );
    const doc = await printed(`/export/appendix-shnor-list.html?listId=${demo.listId}&orderId=${order!.id}`);
    expectCleanPages(doc, /п\/п/);
    const text = allText(doc);
    expect(shnorList.entries.nodes.length).toBeGreaterThan(10);
    // a school's name in its cell, on one line or wrapped: compared without the layout's spacing
    const squeezed = text.replace(/\s+/g, '');
    for (const { schoolName } of shnorList.entries.nodes)
      expect(squeezed).toContain(schoolName.replace(/\s+/g, ''));
  });

  it('the appendix of the working group: every member', async () => {
    const { rows } = await db.query<{ id: string; full_name: string }>(
      `select g.id::text, m.full_name from working_group g join working_group_member m on m.working_group_id = g.id
       where g.municipality_id = $1`,
      [demo.municipality.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const doc = await printed(`/export/appendix-working-group.html?groupId=${rows[0]!.id}`);
    expectCleanPages(doc, /Ф\.И\.О\./);
    const text = allText(doc);
    // a long name may wrap inside its cell: its surname stays whole
    for (const { full_name } of rows) expect(text).toContain(full_name.split(' ')[0]);
  });

  it('the appendix of the partnerships: both schools of every partnership', async () => {
    const { partnerships } = await ask<{
      partnerships: { nodes: { listedSchool: { code: string }; partnerSchool: { code: string } }[] };
    }>(
      `{ partnerships(filter: { municipalityIds: ["${demo.municipality.id}"] }, asOf: "2026-12-01") { nodes { listedSchool { code } partnerSchool { code } } } }`,
    );
    expect(partnerships.nodes).toHaveLength(demo.partnerships);
    const doc = await printed(
      `/export/appendix-partnerships.html?municipalityIds=${demo.municipality.id}&asOf=2026-12-01`,
    );
    expectCleanPages(doc, /ОО-партн[её]р/);
    const text = allText(doc);
    for (const p of partnerships.nodes) {
      expect(text).toContain(`(${p.listedSchool.code})`);
      expect(text).toContain(`(${p.partnerSchool.code})`);
    }
  });
});
