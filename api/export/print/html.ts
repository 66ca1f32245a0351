import { createHash } from 'node:crypto';
import { escapeHtml } from '../../docs/render.js';
import { type CellValue, isZoned, type TableColumn } from '../table.js';
import { offsetLabel, russianDateTime } from '../zoned-time.js';
import { type PrintDocument } from './document.js';

/**
 * A printed document as an HTML page a browser prints cleanly: Russian, A4 in the document's
 * orientation (`@page`), the table header repeated on every page (a `thead` does that), the order's
 * number and date at the top of every page and «Стр. N из M» at the bottom (page-margin boxes with
 * CSS counters; browsers without them print the page without the numbers). One inline stylesheet,
 * no script, no image, no font, no link: the Content-Security-Policy allows that stylesheet alone,
 * by its hash, and nothing else.
 */

/** A CSS string literal of any text: everything but plain letters, digits and spaces escaped. */
function cssString(text: string): string {
  return `"${[...text].map((c) => (/[\p{L}\p{N} .,:;()№«»/-]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

function cellText(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (isZoned(value)) return russianDateTime(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value);
}

/** The tables of a document, the main one first: each gets the widths of its own columns. */
function tablesOf(document: PrintDocument) {
  const sections = (document.sections ?? []).flatMap((s) => (s.kind === 'table' ? [s] : []));
  return [{ columns: document.columns, rows: document.rows, empty: document.empty }, ...sections];
}

function widthsOf(columns: readonly TableColumn[], table: number): string {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns
    .map((c, i) => `#t${table} col:nth-child(${i + 1}) { width: ${((c.width / total) * 100).toFixed(1)}%; }`)
    .join('\n');
}

function stylesheet(document: PrintDocument, generated: string): string {
  const widths = tablesOf(document)
    .map((t, i) => widthsOf(t.columns, i))
    .join('\n');
  const running = document.annex?.split('\n')[0] ?? document.title;
  return `
@page {
  size: A4 ${document.orientation};
  margin: 16mm 12mm 16mm 14mm;
  @top-left { content: ${cssString(running)}; font: 8pt serif; color: #444; }
  @bottom-left { content: ${cssString(generated)}; font: 8pt serif; color: #444; }
  @bottom-right { content: "Стр. " counter(page) " из " counter(pages); font: 8pt serif; }
}
html { font: 11pt/1.3 "Times New Roman", Times, serif; color: #000; background: #fff; }
body { margin: 0 auto; max-width: ${document.orientation === 'landscape' ? '277mm' : '190mm'}; padding: 8mm 0; }
.annex { margin: 0 0 6mm auto; width: 45%; text-align: right; white-space: pre-line; }
h1 { font-size: 12pt; text-align: center; margin: 0 0 2mm; }
.line { text-align: center; margin: 0 0 1mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 5mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left;
  white-space: pre-line; overflow-wrap: anywhere; }
th { background: #e7e6e6; text-align: center; vertical-align: middle; }
.nowrap { white-space: nowrap; }
td.integer, td.code { text-align: center; }
.empty { text-align: center; font-style: italic; }
h2 { font-size: 11pt; margin: 6mm 0 0; break-after: avoid; page-break-after: avoid; }
.text { white-space: pre-line; margin: 2mm 0 0; }
figure { margin: 3mm 0 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; }
footer { margin-top: 4mm; font-size: 9pt; color: #444; }
@media print { body { max-width: none; padding: 0; } footer { display: none; } }
${widths}
`;
}

export interface PrintedHtml {
  html: string;
  /** The page's Content-Security-Policy: its own stylesheet, by hash, and nothing else. */
  csp: string;
}

/** One table: its columns (widths by `#t<n>`), the header repeated on every page, its rows or what it says when empty. */
function tableHtml(
  table: { columns: readonly TableColumn[]; rows: readonly (readonly CellValue[])[]; empty: string },
  n: number,
): string {
  // A slash is a line-break opportunity: «№ п/п» in a narrow column printed as «№ п/» over «п».
  const head = table.columns
    .map(
      (c) =>
        `<th scope="col">${escapeHtml(c.header).replace(/\S*\/\S*/g, '<span class="nowrap">$&</span>')}</th>`,
    )
    .join('');
  const body = table.rows.length
    ? table.rows
        .map(
          (cells) =>
            `<tr>${table.columns
              .map((c, i) => `<td class="${c.kind}">${escapeHtml(cellText(cells[i]))}</td>`)
              .join('')}</tr>`,
        )
        .join('\n')
    : `<tr><td class="empty" colspan="${table.columns.length}">${escapeHtml(table.empty)}</td></tr>`;
  return `<table id="t${n}">
<colgroup>${table.columns.map(() => '<col>').join('')}</colgroup>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

export function printHtml(document: PrintDocument, generatedAt = new Date()): PrintedHtml {
  const zoned = { at: generatedAt, timeZone: document.timeZone };
  const generated = `Сформировано ${russianDateTime(zoned)} (${offsetLabel(zoned)})`;
  const css = stylesheet(document, generated);
  const hash = createHash('sha256').update(css).digest('base64');
  const [title = document.title, ...lines] = document.heading;
  const tables = tablesOf(document);
  const sections = (document.sections ?? [])
    .map((section) => {
      const heading = `<h2>${escapeHtml(section.heading)}</h2>`;
      if (section.kind === 'text')
        return `<section>${heading}\n<p class="text">${escapeHtml(section.text)}</p></section>`;
      // the server's own SVG (api/export/print/svg-chart.ts): every text in it escaped there
      if (section.kind === 'figure') return `<section>${heading}\n<figure>${section.svg}</figure></section>`;
      return `<section>${heading}\n${tableHtml(section, tables.indexOf(section))}</section>`;
    })
    .join('\n');
  const html = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(document.title)}</title>
<style>${css}</style>
</head>
<body>
<header>
${document.annex ? `<p class="annex">${escapeHtml(document.annex)}</p>\n` : ''}<h1>${escapeHtml(title)}</h1>
${lines.map((l) => `<p class="line">${escapeHtml(l)}</p>`).join('\n')}
</header>
<main>
${tableHtml(tables[0]!, 0)}
${sections}
</main>
<footer><p>${escapeHtml(generated)}</p></footer>
</body>
</html>
`;
  return {
    html,
    csp: `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  };
}
