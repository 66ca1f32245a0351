/**
 * Bytes → text for CSV files, chosen once per file: valid UTF-8 (with or without a BOM) or
 * Windows-1251, the two encodings Russian spreadsheet exports come in. The choice is made on the
 * first block; a later block that is not valid in the chosen encoding makes the file unreadable
 * rather than silently storing replacement characters.
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

/** The file as a whole cannot be read; the message is English, `ru` the same in Russian. */
export class UnreadableFileError extends Error {
  constructor(
    message: string,
    readonly ru: string,
  ) {
    super(message);
  }
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
    const encoding = detectEncoding(head);
    onEncoding?.(encoding);
    // fatal: a cp1251 byte later in a file detected as UTF-8 is an error, not a silent U+FFFD.
    decoder = new TextDecoder(encoding, { fatal: true });
    return decode(head, true);
  };
  for await (const chunk of bytes) {
    if (decoder) {
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
