import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, graphql } from '../support/graphql-client.js';
import {
  convertWithLibreOffice,
  NO_SOFFICE,
  PDFTOTEXT,
  pdfPages,
  pdfPageText,
  SOFFICE,
} from '../support/libreoffice.js';
import { serverAndDatabase } from '../support/server.js';

/**
 * Issue 10's rendering check: LibreOffice prints each XLSX with the file's own page setup. Every
 * page is A4 landscape, all columns fit the page width (page 1 holds the first and the last
 * header), the header repeats on page 2, pages are numbered «Стр. N из M», and the documents
 * stay short (the list's appendix for an order: a page or two, not 24).
 */
const { server } = serverAndDatabase();
let listId = '';

interface Rendering {
  path: () => string;
  /** A word of the first and of the last header, as printed. */
  first: string;
  last: string;
  maxPages: number;
}

const RENDERINGS: Record<string, Rendering> = {
  candidates: {
    path: () => '/export/candidates.xlsx?year=2026&regionCodes=56',
    first: 'Код',
    last: 'Методика',
    maxPages: 16,
  },
  'risk-profiles': {
    path: () => '/export/risk-profiles.xlsx?year=2026&regionCodes=56',
    first: 'Код',
    last: 'R10, балл',
    maxPages: 12,
  },
  'vpr-statistics': {
    path: () => '/export/vpr-statistics.xlsx?groupBy=MUNICIPALITY,SUBJECT&years=2026&regionCodes=56',
    first: 'Код',
    last: 'Средняя',
    maxPages: 12,
  },
  'shnor-list': {
    path: () => `/export/shnor-list.xlsx?listId=${listId}`,
    first: 'Год',
    last: 'утверждения',
    maxPages: 16,
  },
  'shnor-list appendix': {
    path: () => `/export/shnor-list.xlsx?listId=${listId}&variant=appendix`,
    first: '№ п/п',
    last: 'Основание включения',
    maxPages: 3,
  },
};

beforeAll(async () => {
  listId = dataOf(
    await graphql<{ createShnorList: { id: string } }, never>(
      server.url,
      'mutation { createShnorList(year: 2026, regionCode: "56") { id } }',
    ),
  ).createShnorList.id;
});

const pdfs = new Map<string, Buffer>();

async function printed(name: string): Promise<Buffer> {
  let pdf = pdfs.get(name);
  if (!pdf) {
    const response = await fetch(`${server.url}${RENDERINGS[name]!.path()}`);
    expect(response.status).toBe(200);
    pdf = await convertWithLibreOffice(Buffer.from(await response.arrayBuffer()), 'xlsx', 'pdf');
    pdfs.set(name, pdf);
  }
  return pdf;
}

describe.skipIf(!SOFFICE)(SOFFICE ? 'XLSX exports printed by LibreOffice' : NO_SOFFICE, () => {
  it.each(Object.keys(RENDERINGS))('%s: A4 landscape, a handful of pages', async (name) => {
    const pages = pdfPages(await printed(name));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(RENDERINGS[name]!.maxPages);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(841.9, 0);
      expect(page.height).toBeCloseTo(595.3, 0);
    }
  });

  it.skipIf(!PDFTOTEXT).each(Object.keys(RENDERINGS))(
    PDFTOTEXT
      ? '%s: every column on the page width, header repeated, pages numbered'
      : '%s: page texts not checked — pdftotext (poppler-utils) not found',
    async (name) => {
      const { first, last } = RENDERINGS[name]!;
      const pdf = await printed(name);
      const count = pdfPages(pdf).length;
      const one = (await pdfPageText(pdf, 1)).replace(/\s+/g, ' ');
      expect(one).toContain(first);
      expect(one).toContain(last);
      expect(one).toContain(`Стр. 1 из ${count}`);
      if (count > 1) {
        const two = (await pdfPageText(pdf, 2)).replace(/\s+/g, ' ');
        expect(two).toContain(last);
        expect(two).toContain(`Стр. 2 из ${count}`);
      }
    },
  );
});
