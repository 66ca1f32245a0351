// What the IDE's table panel makes of a GraphQL answer: which lists can be rows, the rows as flat
// cells, and those cells as a CSV for Russian Excel. Pure functions with no DOM, so that the browser
// (table-plugin.js, loaded as an ES module) and vitest (table-model.test.ts) run the same code.

/** At most this many rows are put in the panel's DOM; downloads always carry all of them. */
export const SHOWN_ROWS = 1000;

/** The column of a list item that is not an object (e.g. `null` among objects). */
export const VALUE_COLUMN = '(значение)';

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Lists that can be tables: arrays of objects (or empty arrays) reached from `data` through
 * objects only, in answer order, e.g. `data.schools.nodes`. Lists inside a list's items stay cells
 * of their rows; going into them would multiply rows the way a SQL join does.
 */
export function findLists(response) {
  const found = [];
  const walk = (value, path) => {
    if (Array.isArray(value)) {
      if (value.length === 0 || value.some(isObject)) found.push({ path, length: value.length });
      return;
    }
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  if (isObject(response)) walk(response.data, 'data');
  return found;
}

/**
 * The list shown first: a connection's `nodes` when there is one, else the first list. With no
 * list at all, `data` itself as a single row (an answer of one object still deserves a table).
 */
export function defaultPath(response, lists = findLists(response)) {
  const nodes = lists.find((list) => list.path.endsWith('.nodes'));
  if (nodes ?? lists[0]) return (nodes ?? lists[0]).path;
  return isObject(response) && isObject(response.data) ? 'data' : null;
}

/** The rows at `path` (from findLists or defaultPath): an array's items or one object. */
export function rowsAt(response, path) {
  let value = response;
  for (const key of path.split('.')) value = isObject(value) ? value[key] : undefined;
  if (Array.isArray(value)) return value;
  return isObject(value) ? [value] : [];
}

/** A scalar as a cell; arrays of scalars joined with `, `, other arrays as their JSON. */
function cellOf(value) {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) {
    return value.every((v) => v === null || typeof v !== 'object')
      ? value.filter((v) => v !== null).join(', ')
      : JSON.stringify(value);
  }
  return value;
}

function flattenInto(cells, value, prefix) {
  if (!isObject(value)) {
    cells.set(prefix || VALUE_COLUMN, cellOf(value));
    return;
  }
  for (const [key, inner] of Object.entries(value))
    flattenInto(cells, inner, prefix ? `${prefix}.${key}` : key);
}

/**
 * Rows flattened to dotted columns (`school.municipality.name`), columns in first-seen order. A
 * column that is null in every row and has dotted children (`municipality` next to
 * `municipality.name`, from rows whose municipality is null) is left out: its children say it.
 */
export function toTable(items) {
  const flat = items.map((item) => {
    const cells = new Map();
    flattenInto(cells, item, '');
    return cells;
  });
  const seen = new Set();
  for (const cells of flat) for (const name of cells.keys()) seen.add(name);
  const names = [...seen];
  const columns = names.filter(
    (name) =>
      !names.some((other) => other.startsWith(`${name}.`)) ||
      flat.some((cells) => (cells.get(name) ?? null) !== null),
  );
  return { columns, rows: flat.map((cells) => columns.map((name) => cells.get(name) ?? null)) };
}

// The rules below copy the Russian dialect of api/export/csv-writer.ts (csvField), which imports
// Node-only modules and so cannot be loaded by the browser; table-model.test.ts feeds both the
// same cells and expects the same fields, so the two cannot drift apart unnoticed.

/** Text that a spreadsheet would run as a formula (OWASP, CSV injection): `=`, `+`, `-`, `@`, tab or CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text Excel would turn into a number or a date on opening the file: «05» → 5, «1-2» → 1 Feb. */
const NUMBER_OR_DATE_LIKE = /^[\d\s.,:/+\-eE]*\d[\d\s.,:/+\-eE]*$/;

/**
 * Put before such text so that Excel keeps it as text (why this character: csv-writer.ts). A JSON
 * string is text by the schema's choice (a code, «05»); numbers arrive as JSON numbers. So every
 * string is treated as the server treats a `code` column.
 */
export const EXCEL_TEXT_MARK = '\u200B';

function fieldText(cell) {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'да' : 'нет';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  if (FORMULA_START.test(cell)) return `'${cell}`; // shows as the text it is, never runs
  return NUMBER_OR_DATE_LIKE.test(cell) ? `${EXCEL_TEXT_MARK}${cell}` : cell;
}

/** A CSV field as Russian Excel reads it: `;` between fields, decimal comma, quotes only when needed. */
export function csvField(cell) {
  const text = fieldText(cell);
  // a guarded field is quoted too, so the apostrophe reads as part of the text
  const quoted = /[;"\r\n]/.test(text) || /^\s|\s$/.test(text) || text.startsWith("'");
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 BOM, `;` and CRLF, as the server's Russian CSV. */
export function csvText(columns, rows) {
  const lines = [columns, ...rows].map((cells) => `${cells.map(csvField).join(';')}\r\n`);
  return `\uFEFF${lines.join('')}`;
}

/** A cell as the panel shows it: the CSV's wording (да/нет, decimal comma) without its quoting. */
export function shownCell(cell) {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'да' : 'нет';
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  return cell;
}

/** A row as exceljs gets it: booleans as да/нет, as in the CSV. Strings stay text cells, unmarked. */
export const xlsxCells = (row) => row.map((c) => (typeof c === 'boolean' ? (c ? 'да' : 'нет') : c));

/** A file name from the operation's name: `SchoolWithResults.xlsx`, `result.csv` without one. */
export function fileName(operationName, extension) {
  const base = (operationName ?? '').replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '');
  return `${base || 'result'}.${extension}`;
}
