import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

/** Rows are flushed to the socket in chunks of about this many characters: few large writes are fastest. */
const CHUNK_CHARS = 1 << 18;

export interface CopyOptions {
  /** Sees every chunk of COPY text exactly as sent, e.g. to hash the data while it streams. */
  onChunk?: (chunk: string) => void;
  /**
   * COPY … WITH (FREEZE): rows are written already frozen, sparing the first readers the hint-bit
   * writes. Only allowed when the table was created or truncated in the current transaction.
   */
  freeze?: boolean;
  /**
   * Leaves out the fields before this index of every row: the same validated rows (`[line, …values]`)
   * can go to the staging table, which keeps the line, or straight into the target, which has none.
   */
  firstField?: number;
}

/** Quotes an identifier; a dotted name is taken as schema.table. */
export function quoteIdent(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.');
}

/** Escapes one value for COPY text format (backslash, tab, newline, carriage return). */
function escapeText(text: string): string {
  // Fast path: most values need no escaping at all.
  if (!/[\\\t\n\r]/.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** One element of a PostgreSQL array literal (before COPY escaping). */
function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote always: it is correct for every string, including empty ones and the word NULL.
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function arrayLiteral(values: readonly unknown[]): string {
  // Fast path for the common integer[]/float[] case: join needs no per-element quoting.
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return `{${values.join(',')}}`;
  return `{${values.map(arrayElement).join(',')}}`;
}

/** The COPY text form of one field: \N for null, PostgreSQL literals for arrays, dates and objects. */
export function encodeField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
      return String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 't' : 'f';
    case 'string':
      return escapeText(value);
    default:
      if (Array.isArray(value)) {
        const literal = arrayLiteral(value);
        return literal.includes('"') ? escapeText(literal) : literal;
      }
      if (value instanceof Date) return value.toISOString();
      return escapeText(JSON.stringify(value));
  }
}

/** One COPY text line, newline included, of the fields from `first` on. */
export function encodeRow(row: readonly unknown[], first = 0): string {
  let line = '';
  for (let i = first; i < row.length; i++) line += (i === first ? '' : '\t') + encodeField(row[i]);
  return line + '\n';
}

/** Writes to a COPY stream, honouring backpressure and surfacing a server error as soon as it happens. */
class CopyWriter {
  private failure: Error | null = null;

  constructor(readonly stream: CopyStreamQuery) {
    stream.on('error', (err: Error) => {
      this.failure = err;
    });
  }

  async write(chunk: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  async end(): Promise<number> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
      this.stream.end();
    });
    return this.stream.rowCount;
  }

  /** Sends CopyFail and waits for the server's answer, so the connection can run the next statement. */
  async abort(reason: Error): Promise<void> {
    if (this.failure) return;
    await new Promise<void>((resolve) => {
      this.stream.once('error', () => resolve());
      this.stream.once('close', () => resolve());
      this.stream.destroy(reason);
    });
  }
}

/**
 * Rows handed over together by an async source: one promise per batch instead of one per row,
 * which at a million rows is a visible share of an import's time (bench/RESULTS.md).
 */
export interface RowBatch {
  readonly rows: readonly (readonly unknown[])[];
}

/**
 * Streams rows into `table` with COPY … FROM STDIN (text format) and returns the number of rows
 * the server copied. Rows may come from a plain or an async iterable (of rows or of RowBatch), so
 * generators stream without ever holding a table in memory.
 */
export async function copyRows(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[] | RowBatch>,
  options: CopyOptions = {},
): Promise<number> {
  const sql = `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from stdin${options.freeze ? ' with (freeze)' : ''}`;
  const writer = new CopyWriter(client.query(copyFrom(sql)));
  let buffer = '';
  const flush = async () => {
    options.onChunk?.(buffer);
    const chunk = buffer;
    buffer = '';
    await writer.write(chunk);
  };
  const first = options.firstField ?? 0;
  const add = (row: readonly unknown[]) => {
    if (row.length - first !== columns.length) {
      throw new Error(`copyRows(${table}): row has ${row.length - first} fields, expected ${columns.length}`);
    }
    buffer += encodeRow(row, first);
    return buffer.length >= CHUNK_CHARS;
  };
  try {
    if (Symbol.iterator in rows) {
      // A plain loop for sync sources: `for await` would cost a promise per row.
      for (const row of rows) if (add(row)) await flush();
    } else {
      for await (const item of rows) {
        if (Array.isArray(item)) {
          if (add(item)) await flush();
        } else {
          for (const row of (item as RowBatch).rows) if (add(row)) await flush();
        }
      }
    }
    if (buffer.length > 0) await flush();
  } catch (err) {
    // Abort the COPY so the connection stays usable (an enclosing transaction is then failed).
    await writer.abort(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
  return writer.end();
}
