import { Readable } from 'node:stream';
import pg from 'pg';
import { Role, type Viewer } from '../../api/auth/viewer.js';
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
