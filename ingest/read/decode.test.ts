import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, UnreadableFileError } from './decode.js';

const CP1251_PRIVET = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // «Привет»

async function decodeAll(chunks: Uint8Array[]): Promise<string> {
  let text = '';
  for await (const part of decodeText(
    (async function* () {
      yield* chunks;
    })(),
  ))
    text += part;
  return text;
}

describe('encoding detection', () => {
  it('tells UTF-8 (with or without a BOM) from Windows-1251', () => {
    expect(detectEncoding(Buffer.from('Привет'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('\uFEFFГод'))).toBe('utf-8');
    expect(detectEncoding(CP1251_PRIVET)).toBe('windows-1251');
    // A sample cut inside a two-byte letter is still UTF-8.
    expect(detectEncoding(Buffer.from('Год').subarray(0, 5))).toBe('utf-8');
  });

  it('decodes cp1251 and UTF-8 split inside a letter, and drops the BOM', async () => {
    expect(await decodeAll([CP1251_PRIVET])).toBe('Привет');
    const utf8 = Buffer.from('\uFEFFЁлка;ёж');
    expect(await decodeAll([utf8.subarray(0, 4), utf8.subarray(4)])).toBe('Ёлка;ёж');
  });

  it('refuses a file that turns from UTF-8 into cp1251 after the sample', async () => {
    const head = Buffer.from('a'.repeat(1 << 16));
    await expect(decodeAll([head, CP1251_PRIVET])).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
