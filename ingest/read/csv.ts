import { breathe, recordTooLong } from '../limits.js';
import { UnreadableFileError } from './decode.js';
import { emptyBatch, isBlankRecord, type RecordBatch } from './records.js';

/**
 * A CSV tokenizer written for speed: a line without a quote is split with one native `split`; only
 * lines with quotes (fields holding the separator, a decimal comma or a newline; `""` escapes) go
 * through the character loop. CRLF and LF; the separator (`;` or `,`) is detected from the header.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A record longer than this without its end is an unterminated quote, not data to keep buffering. */
const MAX_RECORD_CHARS = 1 << 20;

export type Separator = ';' | ',';

/** The separator of a header line: whichever of `;` and `,` occurs more often outside quotes. */
export function detectSeparator(headerLine: string): Separator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

interface QuotedRecord {
  fields: string[];
  /** Index after the record's line end. */
  next: number;
  /** Newlines inside quoted fields (physical lines the record spans beyond its first). */
  innerNewlines: number;
}

/** Parses one record that contains quotes; null when the text ends before the record does. */
function parseQuotedRecord(
  text: string,
  start: number,
  separator: number,
  final: boolean,
): QuotedRecord | null {
  const fields: string[] = [];
  let field = '';
  let innerNewlines = 0;
  let i = start;
  let fieldStart = true;
  for (;;) {
    if (i >= text.length) {
      if (!final) return null;
      fields.push(field);
      return { fields, next: i, innerNewlines };
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE && fieldStart) {
      // A quoted field: up to the closing quote, `""` standing for one quote.
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          if (!final) return null;
          throw new UnreadableFileError(
            `unterminated quote in the record starting at character ${start}`,
            `незакрытая кавычка в записи, начинающейся с символа ${start}`,
          );
        }
        const piece = text.slice(i, close);
        for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) innerNewlines++;
        field += piece;
        if (close + 1 >= text.length && !final) return null;
        if (text.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (c === separator) {
      fields.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (c === LF) {
      fields.push(field.charCodeAt(field.length - 1) === CR ? field.slice(0, -1) : field);
      return { fields, next: i + 1, innerNewlines };
    } else {
      // Lenient: text after a closing quote or a stray quote inside a field is kept as is.
      field += text[i];
      i++;
    }
  }
}

export class CsvTokenizer {
  private pending = '';
  /** Physical line number of pending[0]. */
  private line = 1;
  private separator: Separator | null = null;
  private batch: RecordBatch = emptyBatch();

  /** Feeds text; complete records are collected into the current batch. */
  push(text: string): void {
    this.pending = this.pending.length ? this.pending + text : text;
    this.drain(false);
    if (this.pending.length > MAX_RECORD_CHARS) {
      // Refused whole (CELL_TOO_LONG) with the record's start: a record this long is never a valid
      // row (IMPORT_MAX_COLUMNS × IMPORT_MAX_CELL_CHARS is less), and it is not kept growing.
      throw recordTooLong(this.line, MAX_RECORD_CHARS, this.pending.slice(0, 1000));
    }
  }

  /** The end of the text: the last record may lack its newline. */
  end(): void {
    this.drain(true);
  }

  /** The records collected since the last call. */
  take(): RecordBatch {
    const batch = this.batch;
    this.batch = emptyBatch();
    return batch;
  }

  private emit(fields: string[], line: number): void {
    if (isBlankRecord(fields)) return;
    this.batch.lines.push(line);
    this.batch.records.push(fields);
  }

  private drain(final: boolean): void {
    const text = this.pending;
    let pos = 0;
    let nextQuote = -2;
    while (pos < text.length) {
      let newline = text.indexOf('\n', pos);
      if (newline === -1) {
        if (!final) break;
        newline = text.length;
      }
      if (this.separator === null) this.separator = detectSeparator(text.slice(pos, newline));
      // Cached: searching for the next quote from every line would rescan the chunk each time.
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote > newline) {
        const end = newline > pos && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
        this.emit(text.slice(pos, end).split(this.separator), this.line);
        this.line++;
        pos = newline + 1;
        continue;
      }
      const record = parseQuotedRecord(text, pos, this.separator.charCodeAt(0), final);
      if (!record) break;
      this.emit(record.fields, this.line);
      this.line += 1 + record.innerNewlines;
      pos = record.next;
    }
    this.pending = pos >= text.length ? '' : text.slice(pos);
  }
}

/** Text chunks → batches of records, one batch per chunk, pausing between slices (limits.ts `breathe`). */
export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<RecordBatch> {
  const tokenizer = new CsvTokenizer();
  for await (const chunk of text) {
    const pause = breathe();
    if (pause) await pause;
    tokenizer.push(chunk);
    const batch = tokenizer.take();
    if (batch.records.length) yield batch;
  }
  tokenizer.end();
  const batch = tokenizer.take();
  if (batch.records.length) yield batch;
}
