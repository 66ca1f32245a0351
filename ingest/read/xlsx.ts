import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { breathe, tooManyColumns, type ImportLimits } from '../limits.js';
import { ExcelJSReader, UnpackGuard, useGuard } from './exceljs-reader.js';
import { UnreadableFileError } from './decode.js';
import { emptyBatch, isBlankRecord, type RecordBatch } from './records.js';

/** Rows per batch handed on: enough to amortise the per-batch work, small enough to stay streaming. */
const BATCH_ROWS = 2000;

/** The text of one cell as a CSV export would show it (a percent-formatted fraction becomes «33.3%»). */
export function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // A cell formatted as a percentage holds a fraction: 0.333 shown as 33.3 %.
    return numFmt?.includes('%') ? `${Number((value * 100).toPrecision(12))}%` : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue, numFmt);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The first worksheet of an XLSX file as record batches, read with ExcelJS's streaming reader (the
 * sheet is never held whole; shared strings are). The line of a record is its row number. Bounded
 * (README: Limits): the unpacked size and the length of a text node by the reader's guard
 * (exceljs-reader.ts), the columns of a row at its first cell past the limit (exceljs-reader.ts,
 * before ExcelJS builds the row) and again here, and the work is sliced so the process keeps answering.
 */
export async function* xlsxRecords(
  bytes: AsyncIterable<Uint8Array>,
  limits: ImportLimits,
): AsyncGenerator<RecordBatch> {
  // One workbook at a time: the patched reader shares one streaming decoder (exceljs-reader.ts).
  const previous = readingDone;
  let done = () => {};
  readingDone = new Promise<void>((resolve) => (done = resolve));
  await previous;
  try {
    yield* readWorkbook(bytes, limits);
  } finally {
    useGuard(null);
    done();
  }
}

let readingDone: Promise<void> = Promise.resolve();

/** `iterable`'s items, unless the guard fails first (then its failure). */
async function* guarded<T>(iterable: AsyncIterable<T>, guard: UnpackGuard): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  for (;;) {
    const step = await guard.race(iterator.next());
    if (step.done) return;
    yield step.value;
  }
}

async function* readWorkbook(
  bytes: AsyncIterable<Uint8Array>,
  limits: ImportLimits,
): AsyncGenerator<RecordBatch> {
  const input = Readable.from(bytes);
  // A cell may hold maxCellChars; one more character is enough to see that it holds too many.
  const guard = new UnpackGuard(
    limits.maxUnpackedBytes,
    limits.maxCellChars + 1,
    () => input.destroy(),
    limits.maxColumns,
  );
  useGuard(guard);
  const reader = new ExcelJSReader.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles are needed to see percent formats; they are small.
    styles: 'cache',
  });
  let batch = emptyBatch();
  let sheets = 0;
  let finished = false;
  try {
    for await (const worksheet of guarded(reader, guard)) {
      if (sheets++ > 0) {
        // Only the first sheet is data (others: notes, pivots); the rest is read through, not
        // abandoned, so the whole file passes the checksum and the reader ends cleanly.
        for await (const _row of guarded(worksheet, guard)) {
          const pause = breathe();
          if (pause) await pause;
        }
        continue;
      }
      for await (const row of guarded(worksheet, guard)) {
        const pause = breathe();
        if (pause) await pause;
        if (row.cellCount > limits.maxColumns) {
          throw tooManyColumns(row.number, row.cellCount, limits.maxColumns);
        }
        const fields: string[] = [];
        // row.values is 1-based and sparse; cellCount is the last used column.
        for (let column = 1; column <= row.cellCount; column++) {
          const cell = row.getCell(column);
          fields.push(cellText(cell.value, cell.numFmt));
        }
        if (isBlankRecord(fields)) continue;
        batch.lines.push(row.number);
        batch.records.push(fields);
        if (batch.records.length >= BATCH_ROWS) {
          yield batch;
          batch = emptyBatch();
        }
      }
    }
    finished = true;
  } catch (error) {
    if (guard.failure) throw guard.failure;
    if (error instanceof UnreadableFileError) throw error;
    const detail = (error as Error).message;
    throw new UnreadableFileError(`not a readable XLSX file: ${detail}`, `файл XLSX не читается: ${detail}`);
  } finally {
    // Refused or abandoned midway: ExcelJS is left behind; its input stops here.
    if (!finished) input.destroy();
  }
  if (batch.records.length) yield batch;
}
