import { Readable } from 'node:stream';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import pg from 'pg';
import { Role, type Viewer } from '../../db/viewer.js';
import { type ImportKind } from '../../ingest/formats/types.js';
import { runImport } from '../../ingest/import.js';
import { type ImportReport } from '../../ingest/report.js';

export const TEST_IMPORTER: Viewer = { id: 'test', role: Role.MINISTRY, scope: { kind: 'ALL' } };

/** Imports bytes through the library on a connection of its own, as the CLI does. */
export async function importBytes(
  url: string,
  kind: ImportKind,
  bytes: Uint8Array | string,
  fileName = `test.${kind}.csv`,
  viewer: Viewer = TEST_IMPORTER,
  options: { stagedOnly?: boolean } = {},
): Promise<ImportReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
    // Small chunks, so chunk boundaries fall inside records and multi-byte characters.
    const chunks = Array.from({ length: Math.ceil(data.length / 97) }, (_, i) =>
      data.subarray(i * 97, i * 97 + 97),
    );
    const source = { open: () => Readable.from(chunks) };
    return await runImport(client, { kind, fileName, source, viewer, ...options });
  } finally {
    await client.end();
  }
}

/** A fingerprint of a table's contents: equal before and after means nothing was written. */
export async function tableFingerprint(db: pg.Pool, table: string): Promise<string> {
  const { rows } = await db.query<{ n: number; h: string | null }>(
    `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${table} t`,
  );
  return `${rows[0]?.n}:${rows[0]?.h}`;
}

/** One part of a zip written by `zipBytes`: its data, or its deflated data given ready-made. */
export interface ZipPart {
  name: string;
  data?: Uint8Array;
  /** Raw deflate data (method 8) used as is; `data` is then ignored. */
  deflated?: Uint8Array;
  /** The uncompressed size the headers declare (default: the true one, when `data` is given). */
  declaredSize?: number;
}

/** A zip file (local headers, central directory, end record), parts deflated; for attack files. */
export function zipBytes(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = part.data ?? new Uint8Array(0);
    const compressed = part.deflated ?? deflateRawSync(data);
    const size = part.declaredSize ?? data.length;
    const crc = part.deflated ? 0 : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(compressed));
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Raw deflate data that inflates to `megabytes` MiB of spaces from about 1 KB per MiB: one
 * compressed MiB ending in a sync flush, repeated, then an empty final block. A zip bomb's payload.
 */
export function spacesDeflated(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column letters of a 1-based column number (1 → A, 16384 → XFD). */
export function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Cells of one row as sheet XML: text as inline strings, numbers as numbers; `column` 1-based. */
export function rowXml(row: number, cells: { column: number; value: string | number }[]): string {
  const xml = cells.map(({ column, value }) =>
    typeof value === 'number'
      ? `<c r="${columnLetters(column)}${row}"><v>${value}</v></c>`
      : `<c r="${columnLetters(column)}${row}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`,
  );
  return `<row r="${row}">${xml.join('')}</row>`;
}

const WORKBOOK_PARTS: ZipPart[] = [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
  },
  {
    name: 'xl/workbook.xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
  },
];

const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/**
 * A hand-made XLSX: the rows (sheet XML of `rowXml`) on the first sheet, `sharedStrings` (raw XML
 * of the part, or a ready-made part) before it; or the sheet part itself given ready-made.
 */
export function xlsxBytes(options: {
  rows?: string[];
  sharedStrings?: string | ZipPart;
  sheet?: ZipPart;
}): Buffer {
  const strings =
    typeof options.sharedStrings === 'string'
      ? { name: 'xl/sharedStrings.xml', data: Buffer.from(options.sharedStrings) }
      : (options.sharedStrings ?? {
          name: 'xl/sharedStrings.xml',
          data: Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
        });
  const sheet = options.sheet ?? {
    name: 'xl/worksheets/sheet1.xml',
    data: Buffer.from(SHEET_START + (options.rows ?? []).join('') + SHEET_END),
  };
  return zipBytes([...WORKBOOK_PARTS, strings, sheet]);
}
