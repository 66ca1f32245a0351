import { createRequire, Module } from 'node:module';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { type default as ExcelJSModule } from 'exceljs';
import { tooManyColumns, tooManyParts, unpackedTooLarge } from '../limits.js';
import { type UnreadableFileError } from './decode.js';

/**
 * ExcelJS 4.4.0's streaming reader decodes every chunk of a sheet's XML with a fresh
 * `TextDecoder.decode(chunk)` (lib/utils/parse-sax.js), so a Cyrillic letter split across two
 * chunks becomes two U+FFFD — real files lose letters at random places. This module loads a
 * private copy of ExcelJS whose decoder streams (`{ stream: true }`), leaving any copy other code
 * imported untouched. One decoder serves the copy: callers read one workbook at a time (xlsx.ts
 * serialises them); XML parts end in «>», so no partial character carries from one part to the next.
 *
 * The copy is also bounded (README: Limits), through the `UnpackGuard` of the workbook being read:
 * - its zip parser (unzipper's Parse) checks each part's declared uncompressed size before the part
 *   is inflated, and counts what is actually inflated as it flows: a zip bomb is refused (the guard
 *   fails) after at most IMPORT_MAX_UNPACKED_BYTES, whatever its headers claim;
 * - its XML parser (parse-sax.js, replaced) never keeps more than `maxTextChars` of one text node:
 *   a 200 MB cell costs its unpacking, not 200 MB of string; the cell is then reported too long.
 * A failed guard stops the part's inflation and ends the part; its reader abandons the workbook.
 */

const require = createRequire(import.meta.url);
const EXCELJS_DIR = `${require.resolve('exceljs/package.json').slice(0, -'package.json'.length)}`;
const requireFromExcelJS = createRequire(`${EXCELJS_DIR}package.json`);

/** Parts of one workbook beyond this refuse it (an XLSX has a dozen or two). */
const MAX_PARTS = 10_000;

type Reject = (error: UnreadableFileError) => void;

/** The bounds and the running totals of one workbook's unpacking. */
export class UnpackGuard {
  declared = 0;
  inflated = 0;
  parts = 0;
  failure: UnreadableFileError | null = null;
  private readonly waiting = new Set<Reject>();
  private readonly stoppers = new Set<() => void>();

  constructor(
    readonly maxUnpackedBytes: number,
    /** The longest text node kept (longer ones are cut to this length). */
    readonly maxTextChars: number,
    private readonly onFailure: () => void,
    /** A cell reference past this column refuses the workbook as its XML is read. */
    readonly maxColumns = Infinity,
  ) {}

  fail(error: UnreadableFileError): void {
    if (this.failure) return;
    this.failure = error;
    for (const stop of this.stoppers) stop();
    for (const reject of this.waiting) reject(error);
    this.waiting.clear();
    this.onFailure();
  }

  /** `step`, or the guard's failure if it fails first (a stopped workbook would otherwise never answer). */
  race<T>(step: Promise<T>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      const onFailure: Reject = (error) => reject(error);
      this.waiting.add(onFailure);
      step.then(
        (value) => {
          this.waiting.delete(onFailure);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(onFailure);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Called for every part when the zip parser finds it, before any of its data is inflated. */
  watch(entry: ZipEntry): void {
    if (++this.parts > MAX_PARTS) this.fail(tooManyParts(MAX_PARTS));
    // A part with a data descriptor declares 0 here: only its inflated bytes can be counted.
    this.declared += entry.vars?.uncompressedSize ?? 0;
    if (this.declared > this.maxUnpackedBytes) {
      this.fail(unpackedTooLarge(this.maxUnpackedBytes, entry.path ?? '?', true));
    }
    let source: Readable | null = null;
    const stop = () => {
      this.stoppers.delete(stop);
      // No more inflated data into the part; its reader sees it end (and the workbook is abandoned).
      source?.unpipe(entry);
      if (!entry.writableEnded) entry.end();
    };
    entry.on('pipe', (from: Readable) => {
      source = from;
      if (this.failure) stop();
      else this.stoppers.add(stop);
    });
    entry.on('finish', () => this.stoppers.delete(stop));
    entry._transform = (
      chunk: Buffer,
      _encoding: BufferEncoding,
      callback: (e?: null, c?: Buffer) => void,
    ) => {
      if (this.failure) return callback();
      this.inflated += chunk.length;
      if (this.inflated > this.maxUnpackedBytes) {
        callback();
        this.fail(unpackedTooLarge(this.maxUnpackedBytes, entry.path ?? '?', false));
        return;
      }
      callback(null, chunk);
    };
  }
}

/** What unzipper hands on for each part: a PassThrough with the local header's fields. */
type ZipEntry = PassThrough & {
  path?: string;
  vars?: { uncompressedSize?: number };
  _transform: (chunk: Buffer, encoding: BufferEncoding, callback: (e?: null, c?: Buffer) => void) => void;
};

let active: UnpackGuard | null = null;

/** The guard of the workbook being read from now on (xlsx.ts: one workbook at a time). */
export function useGuard(guard: UnpackGuard | null): void {
  active = guard;
}

type Unzipper = { Parse: (options?: object) => Writable & { push(entry: unknown): boolean } };
const unzipper = requireFromExcelJS('unzipper') as Unzipper;

/** unzipper's Parse whose parts are watched by the guard active when the workbook's reading starts. */
function guardedParse(options?: object) {
  const parse = unzipper.Parse(options);
  const guard = active;
  if (!guard) return parse;
  const push = parse.push.bind(parse);
  parse.push = (entry: unknown) => {
    if (entry !== null && typeof entry === 'object') guard.watch(entry as ZipEntry);
    return push(entry);
  };
  return parse;
}

const decoder = new TextDecoder('utf-8');
const bufferToString = (chunk: string | Uint8Array) =>
  typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });

interface Sax {
  text: string;
  on(event: string, listener: (value: unknown) => void): void;
  write(text: string): void;
}
const { SaxesParser } = requireFromExcelJS('saxes') as { SaxesParser: new () => Sax };

/** «XFD20000» → column 16384, row 20000 (A = 1). */
export function cellReference(ref: string): { column: number; row: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return { column, row: Number(ref.slice(i)) || 0 };
}

/**
 * lib/utils/parse-sax.js of ExcelJS, with the streaming decoder, the text-node bound and the column
 * bound: a cell past maxColumns fails the guard at its tag — ExcelJS would otherwise build the
 * row's cells up to that column (16 384 for XFD) for every row of the chunk before the first is seen.
 */
async function* parseSax(input: AsyncIterable<Uint8Array | string> | Readable) {
  let iterable = input as AsyncIterable<Uint8Array | string>;
  if (!(Symbol.asyncIterator in input)) iterable = (input as Readable).pipe(new PassThrough());
  const guard = active;
  const maxText = guard?.maxTextChars ?? Infinity;
  const maxColumns = guard?.maxColumns ?? Infinity;
  const parser = new SaxesParser();
  let error: unknown;
  parser.on('error', (err) => (error = err));
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('opentag', (value) => {
    const tag = value as { name?: string; attributes?: Record<string, unknown> };
    const ref = tag.name === 'c' ? tag.attributes?.['r'] : undefined;
    if (guard && typeof ref === 'string' && !guard.failure) {
      const { column, row } = cellReference(ref);
      if (column > maxColumns) guard.fail(tooManyColumns(row, column, maxColumns));
    }
    events.push({ eventType: 'opentag', value });
  });
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(bufferToString(chunk));
    // The text node being read (a cell value, a shared string) grows no further than the bound.
    if (parser.text.length > maxText) parser.text = parser.text.slice(0, maxText);
    if (error) throw error;
    if (guard?.failure) throw guard.failure;
    yield events;
    events = [];
  }
}

function cachedModule(path: string, exports: unknown): Module {
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = exports;
  return module;
}

const UNZIPPER_PATH = requireFromExcelJS.resolve('unzipper');
const PARSE_SAX_PATH = `${EXCELJS_DIR}lib/utils/parse-sax.js`;

// Forget cached ExcelJS modules so the copy below is evaluated with the replacements (others keep theirs).
for (const key of Object.keys(require.cache)) if (key.startsWith(EXCELJS_DIR)) delete require.cache[key];
const ownUnzipper = require.cache[UNZIPPER_PATH];
require.cache[UNZIPPER_PATH] = cachedModule(UNZIPPER_PATH, { ...unzipper, Parse: guardedParse });
require.cache[PARSE_SAX_PATH] = cachedModule(PARSE_SAX_PATH, parseSax);
const decoding = require(`${EXCELJS_DIR}lib/utils/browser-buffer-decode.js`) as {
  bufferToString: (chunk: string | Uint8Array) => string;
};
decoding.bufferToString = bufferToString;

export const ExcelJSReader = require('exceljs') as typeof ExcelJSModule;

// The next require of ExcelJS or unzipper elsewhere gets an ordinary copy again.
for (const key of Object.keys(require.cache)) if (key.startsWith(EXCELJS_DIR)) delete require.cache[key];
if (ownUnzipper) require.cache[UNZIPPER_PATH] = ownUnzipper;
else delete require.cache[UNZIPPER_PATH];
