import { type FileErrorCode } from '../limits.js';

/**
 * Bytes → text for CSV files, chosen once per file: valid UTF-8 (with or without a BOM) or
 * Windows-1251, the two encodings Russian spreadsheet exports come in. The choice is made on the
 * first block; a later block that is not valid in the chosen encoding makes the file unreadable
 * rather than silently storing replacement characters. Windows-1251 decodes almost any byte, so
 * what is not text at all is told apart first: UTF-16/UTF-32 (a BOM, or NUL bytes), an old binary
 * Excel file, or any other file with NUL or many control bytes is refused as unreadable
 * (UNREADABLE_FILE), not read as garbage whose header then lacks every column.
 */

export type TextEncodingName = 'utf-8' | 'windows-1251';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The longest prefix that does not end inside a UTF-8 multi-byte sequence (so a cut block still validates). */
function completeUtf8Prefix(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  // Step back over at most 3 continuation bytes to the lead byte of the last sequence.
  for (let back = 1; back <= 4 && end - back >= 0; back++) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, end - back) : bytes;
  }
  return bytes;
}

/** Which encoding a file starting with `sample` is in. */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
  if (UTF8_BOM.every((b, i) => sample[i] === b)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(completeUtf8Prefix(sample));
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/**
 * The file as a whole is refused: it cannot be read (UNREADABLE_FILE) or it is over a limit
 * (ingest/limits.ts). The message is English, `ru` the same in Russian; `value` is a quote of the
 * offending text, already cut short.
 */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly ru: string,
    readonly code: FileErrorCode = 'UNREADABLE_FILE',
    readonly value?: string,
  ) {
    super(message);
  }
}

const NOT_TEXT_RU = 'файл не читается: это не текст CSV в UTF-8 или Windows-1251';
const NOT_TEXT_EN = 'unreadable file: not CSV text in UTF-8 or Windows-1251';

function unsupported(en: string, ru: string): UnreadableFileError {
  return new UnreadableFileError(`${NOT_TEXT_EN} (${en})`, `${NOT_TEXT_RU} (${ru})`);
}

/** Control bytes other than tab, newline, carriage return, form feed and the DOS end-of-file mark. */
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a;
}

/**
 * Refuses a file start that is not text in one of the two encodings: a UTF-16/32 BOM, NUL bytes
 * (UTF-16 without a BOM, any binary file), an OLE2 (old .xls) or PDF signature, or more than 1 % of
 * control bytes. Throws UnreadableFileError; returns normally for text.
 */
export function refuseNonText(sample: Uint8Array): void {
  const starts = (...bytes: number[]) => bytes.every((b, i) => sample[i] === b);
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff) || starts(0x00, 0x00, 0xfe, 0xff)) {
    throw unsupported('UTF-16/UTF-32: unsupported encoding', 'UTF-16/UTF-32: кодировка не поддерживается');
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw unsupported(
      'an old binary Excel .xls file: save it as XLSX or CSV',
      'старый двоичный файл Excel .xls: сохраните его как XLSX или CSV',
    );
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) throw unsupported('a PDF file', 'файл PDF');
  if (indexOfNul(sample) !== -1) {
    throw unsupported(
      'NUL bytes: a binary file or UTF-16, an unsupported encoding',
      'нулевые байты: двоичный файл или UTF-16, кодировка не поддерживается',
    );
  }
  let control = 0;
  for (let i = 0; i < sample.length; i++) if (isControl(sample[i] as number)) control++;
  if (control > 0 && control * 100 > sample.length) {
    throw unsupported('control bytes: a binary file', 'управляющие байты: двоичный файл');
  }
}

function indexOfNul(bytes: Uint8Array): number {
  // Buffer's indexOf is a memchr; a plain Uint8Array's is a JavaScript loop.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
}

/** Bytes looked at before the encoding is chosen: a few hundred rows of a typical export. */
const SAMPLE_BYTES = 1 << 16;

/** Decodes a byte stream to text chunks in the encoding detected from its first 64 KiB. */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  onEncoding?: (encoding: TextEncodingName) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let sample: Uint8Array[] = [];
  let sampled = 0;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      return (decoder as TextDecoder).decode(chunk, { stream });
    } catch {
      throw new UnreadableFileError(
        'the file mixes encodings: it is not valid UTF-8 throughout',
        'в файле смешаны кодировки: он не целиком в UTF-8',
      );
    }
  };
  const start = (): string => {
    const head = Buffer.concat(sample);
    sample = [];
    refuseNonText(head);
    const encoding = detectEncoding(head);
    onEncoding?.(encoding);
    // fatal: a cp1251 byte later in a file detected as UTF-8 is an error, not a silent U+FFFD.
    decoder = new TextDecoder(encoding, { fatal: true });
    return decode(head, true);
  };
  for await (const chunk of bytes) {
    if (decoder) {
      // Text never holds NUL; a later NUL is a binary tail (or a UTF-16 part), not data.
      if (indexOfNul(chunk) !== -1) refuseNonText(chunk);
      const text = decode(chunk, true);
      if (text) yield text;
      continue;
    }
    sample.push(chunk);
    sampled += chunk.length;
    if (sampled >= SAMPLE_BYTES) {
      const text = start();
      if (text) yield text;
    }
  }
  if (!decoder) {
    const text = start();
    if (text) yield text;
  }
  const rest = decode(new Uint8Array(0), false);
  if (rest) yield rest;
}
