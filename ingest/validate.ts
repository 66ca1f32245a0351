import { type Format, type RowValidator } from './formats/format.js';
import { mapHeaders } from './formats/headers.js';
import { RowReader } from './formats/row-reader.js';
import { type BadRow, type ValidationEnv } from './formats/types.js';
import { reason } from './formats/values.js';
import { type RecordBatch } from './read/records.js';
import { MAX_LISTED_ERRORS } from './report.js';

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
    if (this.list.length < MAX_LISTED_ERRORS) this.list.push(row);
  }

  /** Defects found after the streaming pass (by SQL), on lines not yet counted. */
  addLater(rows: readonly BadRow[]): void {
    for (const row of rows) {
      this.count++;
      if (this.list.length < MAX_LISTED_ERRORS) this.list.push(row);
    }
    this.list.sort((a, b) => a.line - b.line);
  }
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
 */
export async function* stagingRows(
  batches: AsyncIterable<RecordBatch>,
  format: Format,
  env: ValidationEnv,
  bad: BadRows,
  counter: { rows: number },
): AsyncGenerator<StagingBatch> {
  let validate: RowValidator | null = null;
  let reader: RowReader | null = null;
  let headerSeen = false;
  for await (const batch of batches) {
    const { records, lines } = batch;
    const valid: unknown[][] = [];
    for (let i = 0; i < records.length; i++) {
      const fields = records[i] as string[];
      const line = lines[i] as number;
      if (!headerSeen) {
        headerSeen = true;
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
      counter.rows++;
      if (!validate || !reader) continue;
      reader.start(fields, line);
      const row = validate(reader);
      if (row) {
        row.unshift(line);
        valid.push(row);
      }
    }
    if (valid.length) yield { rows: valid };
  }
  if (!headerSeen) bad.push({ line: 1, column: '', value: '', reason: EMPTY_FILE });
}
