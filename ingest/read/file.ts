import { createHash, type Hash } from 'node:crypto';
import { fileTooLarge, type ImportLimits } from '../limits.js';
import { csvRecords } from './csv.js';
import { decodeText, type TextEncodingName } from './decode.js';
import { type RecordBatch } from './records.js';

/** What a reading found out about the file, filled in while it streams. */
export interface FileFacts {
  format: 'csv' | 'xlsx' | null;
  encoding: TextEncodingName | null;
  bytes: number;
  /** SHA-256 of every byte of the file, hex; set once the file has been read to its end. */
  checksum: string | null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Passes the file's chunks through once, hashing and counting them. `finish` reads what a reader
 * left unread (XLSX: sheets after the first), so the checksum always covers the whole file.
 */
class ByteTap {
  private readonly hash: Hash = createHash('sha256');
  private readonly iterator: AsyncIterator<Uint8Array>;
  private first: Uint8Array | null = null;

  constructor(
    source: AsyncIterable<Uint8Array>,
    private readonly facts: FileFacts,
    /** More bytes than this refuse the file (FILE_TOO_LARGE) before they are passed on. */
    private readonly maxBytes: number,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async next(): Promise<Uint8Array | null> {
    const step = await this.iterator.next();
    if (step.done) return null;
    const chunk = step.value;
    this.facts.bytes += chunk.length;
    if (this.facts.bytes > this.maxBytes) throw fileTooLarge(this.maxBytes);
    this.hash.update(chunk);
    return chunk;
  }

  /** The first chunk, read ahead to recognise the format; it is still delivered by `chunks`. */
  async peek(): Promise<Uint8Array | null> {
    this.first ??= await this.next();
    return this.first;
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    const first = await this.peek();
    if (!first) return;
    this.first = null;
    yield first;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) yield chunk;
  }

  /** Stops reading early (the reader was abandoned): a file stream is closed now, not when collected. */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }

  async finish(): Promise<void> {
    while (await this.next()) {
      // draining: only the hash needs these bytes
    }
    this.facts.checksum = this.hash.digest('hex');
  }
}

/**
 * The records of a CSV or XLSX file (recognised by its bytes, not its name), hashing it on the way;
 * the byte and (XLSX) unpacked-size limits are applied here, the row limits by the caller.
 */
export async function* readRecords(
  source: AsyncIterable<Uint8Array>,
  facts: FileFacts,
  limits: ImportLimits,
): AsyncGenerator<RecordBatch> {
  const tap = new ByteTap(source, facts, limits.maxUploadBytes);
  let complete = false;
  try {
    const first = await tap.peek();
    const isZip = first !== null && ZIP_MAGIC.every((b, i) => first[i] === b);
    facts.format = isZip ? 'xlsx' : 'csv';
    if (isZip) {
      // Loaded only for XLSX files: ExcelJS is a sizeable share of a small process's memory.
      const { xlsxRecords } = await import('./xlsx.js');
      yield* xlsxRecords(tap.chunks(), limits);
    } else {
      yield* csvRecords(decodeText(tap.chunks(), (encoding) => (facts.encoding = encoding)));
    }
    await tap.finish();
    complete = true;
  } finally {
    // A consumer that stops early (the direct write falling back to staging) releases the source.
    if (!complete) await tap.close();
  }
}

export function newFileFacts(): FileFacts {
  return { format: null, encoding: null, bytes: 0, checksum: null };
}
