import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, refuseNonText, UnreadableFileError } from './decode.js';

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

describe('what is not text', () => {
  it.each([
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Год;Логин', 'utf16le')])],
    ['UTF-16 LE without a BOM', Buffer.from('Year;Code\n2027;sch1', 'utf16le')],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['control bytes', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41)))],
  ])('refuses %s as UNREADABLE_FILE', async (_name, bytes) => {
    expect(() => refuseNonText(bytes)).toThrow(UnreadableFileError);
    const refused = await decodeAll([bytes]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnreadableFileError);
    expect((refused as UnreadableFileError).code).toBe('UNREADABLE_FILE');
  });

  it('accepts cp1251 and UTF-8 text with tabs, form feeds and a DOS end mark', () => {
    expect(() => refuseNonText(Buffer.from('a\tb\r\n\f\x1a'))).not.toThrow();
    expect(() => refuseNonText(CP1251_PRIVET)).not.toThrow();
  });

  it('refuses a NUL after the sample', async () => {
    const head = Buffer.from('a'.repeat(1 << 16));
    await expect(decodeAll([head, Buffer.from([0x41, 0x00, 0x42])])).rejects.toBeInstanceOf(
      UnreadableFileError,
    );
  });
});
