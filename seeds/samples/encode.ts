/** Windows-1251 bytes of a text: what analysts' older spreadsheet tools still export. */
const CP1251 = (() => {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return table;
})();

export function encodeCp1251(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : CP1251.get(text[i]!);
    if (byte === undefined) throw new Error(`«${text[i]}» has no Windows-1251 byte`);
    bytes[i] = byte;
  }
  return bytes;
}

/** One CSV line: fields quoted only when they must be. */
export function csvLine(fields: readonly (string | number | null)[], separator: ';' | ','): string {
  return (
    fields
      .map((f) => {
        const text = f === null ? '' : String(f);
        return text.includes(separator) || text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(separator) + '\r\n'
  );
}
