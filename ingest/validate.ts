import { type Format, type RowValidator } from './formats/format.js';
import { mapHeaders } from './formats/headers.js';
import { RowReader } from './formats/row-reader.js';
import { type BadRow, type ValidationEnv } from './formats/types.js';
import { reason } from './formats/values.js';
import {
  breathe,
  cellTooLongReason,
  MAX_REASON_CHARS,
  tooManyColumns,
  tooManyRows,
  truncateText,
  type ImportLimits,
} from './limits.js';
import { type RecordBatch } from './read/records.js';
import { MAX_LISTED_ERRORS } from './report.js';

/** A bad row as reported: the quoted value cut to 200 characters, labels and reasons bounded too. */
export function boundedBadRow(row: BadRow): BadRow {
  const { value, column, reason: why } = row;
  if (value.length <= 200 && column.length <= 200 && why.ru.length + why.en.length <= MAX_REASON_CHARS)
    return row;
  return {
    ...row,
    value: truncateText(value),
    column: truncateText(column),
    reason: { ru: truncateText(why.ru, MAX_REASON_CHARS), en: truncateText(why.en, MAX_REASON_CHARS) },
  };
}

/** Every bad row of a file, counted by line; the list is capped so a hopeless file stays in bounds. */
export class BadRows {
  readonly list: BadRow[] = [];
  /** Distinct lines with at least one defect. */
  count = 0;
  private lastLine = -1;

  push(row: BadRow): void {
    if (row.line !== this.lastLine) {
      this.count++;
      this.lastLine = row.line;
    }
    if (this.list.length < MAX_LISTED_ERRORS) this.list.push(boundedBadRow(row));
  }

  /** Defects found after the streaming pass (by SQL), on lines not yet counted; `more` beyond the rows given. */
  addLater(rows: readonly BadRow[], more = 0): void {
    for (const row of rows) {
      this.count++;
      if (this.list.length < MAX_LISTED_ERRORS) this.list.push(boundedBadRow(row));
    }
    this.count += more;
    this.list.sort((a, b) => a.line - b.line);
  }
}

/** The header of column `index` (0-based) for a report, or its number when the header has none. */
function columnLabel(header: readonly string[] | null, index: number): string {
  const text = header?.[index]?.trim();
  return text ? text : `№ ${index + 1}`;
}

/**
 * The index of the first field over `max` characters, or -1. A cell that long is a bad row of its
 * own (its value reported cut, README: Limits); it is not validated further.
 */
function longField(fields: readonly string[], max: number): number {
  for (let i = 0; i < fields.length; i++) if ((fields[i] as string).length > max) return i;
  return -1;
}

const EMPTY_FILE = reason('файл пуст: нет строки заголовков', 'the file is empty: no header row');

/** The valid rows of one batch of records, each `[line, …values]`. */
export interface StagingBatch {
  rows: unknown[][];
}

/**
 * Records → staging rows (`[line, …values]`) of the valid rows, a batch per batch of records (a
 * promise per row would cost more than validating it); every defect goes to `bad`. The first
 * record is the header. After a bad header the rest is only read through (for the checksum).
 * Limits (README: Limits): a record of more than `maxColumns` fields or more than `maxRows` data
 * rows refuse the file whole (UnreadableFileError); a cell over `maxCellChars` is a bad row.
 */
export async function* stagingRows(
  batches: AsyncIterable<RecordBatch>,
  format: Format,
  env: ValidationEnv,
  bad: BadRows,
  counter: { rows: number },
  limits: ImportLimits,
): AsyncGenerator<StagingBatch> {
  let validate: RowValidator | null = null;
  let reader: RowReader | null = null;
  let header: readonly string[] | null = null;
  let headerSeen = false;
  for await (const batch of batches) {
    const { records, lines } = batch;
    const valid: unknown[][] = [];
    for (let i = 0; i < records.length; i++) {
      const fields = records[i] as string[];
      const line = lines[i] as number;
      if (fields.length > limits.maxColumns) throw tooManyColumns(line, fields.length, limits.maxColumns);
      if (headerSeen && ++counter.rows > limits.maxRows) throw tooManyRows(limits.maxRows);
      const long = longField(fields, limits.maxCellChars);
      if (long !== -1) {
        bad.push({
          line,
          column: columnLabel(header, long),
          value: fields[long] as string,
          reason: cellTooLongReason(limits.maxCellChars),
        });
        if (!headerSeen) {
          // A header cell that long is no header: nothing after it is validated.
          headerSeen = true;
          header = fields;
        }
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        header = fields;
        const { map, bad: headerDefects } = mapHeaders(fields, format.fields, line);
        headerDefects.forEach((row) => bad.push(row));
        const prepared = headerDefects.length ? headerDefects : format.prepare(map, env, line);
        if (Array.isArray(prepared)) {
          if (!headerDefects.length) prepared.forEach((row) => bad.push(row));
        } else {
          validate = prepared;
          reader = new RowReader(map, bad);
        }
        continue;
      }
      if (!validate || !reader) continue;
      reader.start(fields, line);
      const row = validate(reader);
      if (row) {
        row.unshift(line);
        valid.push(row);
      }
    }
    if (valid.length) yield { rows: valid };
    const pause = breathe();
    if (pause) await pause;
  }
  if (!headerSeen) bad.push({ line: 1, column: '', value: '', reason: EMPTY_FILE });
}
