import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { importBytes, TEST_IMPORTER, tableFingerprint } from '../support/import.js';

/**
 * The two ways a result file goes in (ingest/write/direct.ts): a new year's file is COPYed straight
 * into vpr_result (DIRECT) and stores exactly what staging would; a file that repeats a key, in
 * itself or against a stored row, falls back to staging (STAGED) with the usual counts.
 */

const HEADER = 'Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let direct: FreshDatabase;
let staged: FreshDatabase;
let db: pg.Pool;
let codes: string[];

beforeAll(async () => {
  [direct, staged] = await Promise.all([createFreshDatabase(), createFreshDatabase()]);
  db = new pg.Pool({ connectionString: direct.url, max: 2 });
  codes = (await db.query<{ code: string }>(`select code from school order by code limit 40`)).rows.map(
    (r) => r.code,
  );
});
afterAll(async () => {
  await db.end();
  await Promise.all([direct.drop(), staged.drop()]);
});

/** Rows of `year` for the first schools: 3 grades × 3 subjects each, marks summing to N. */
function yearLines(year: number, schools: number): string[] {
  const lines: string[] = [];
  for (const [i, code] of codes.slice(0, schools).entries())
    for (const grade of [4, 5, 6])
      for (const subject of ['RU', 'MA', 'HI'])
        lines.push(`${year};${code};${grade};${subject};${20 + i};2;8;7;${3 + i}`);
  return lines;
}

const file = (lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

/** vpr_result by school code (ids may differ between databases), every column. */
async function contents(url: string, year: number): Promise<unknown[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query(
      `select s.code, v.year, v.grade, v.subject, v.participants, v.n2, v.n3, v.n4, v.n5, v.lowered,
         v.confirmed, v.raised, v.scores, v.max_score
       from vpr_result v join school s on s.id = v.school_id where v.year = $1 order by 1, 3, 4`,
      [year],
    );
    return rows;
  } finally {
    await pool.end();
  }
}

describe('a new year', () => {
  it('goes straight into the table and stores exactly what the staged path stores', async () => {
    const text = file(yearLines(2031, 30));
    const [a, b] = await Promise.all([
      importBytes(direct.url, 'vpr', text),
      importBytes(staged.url, 'vpr', text, undefined, TEST_IMPORTER, { stagedOnly: true }),
    ]);
    expect(a).toMatchObject({ status: 'ACCEPTED', path: 'DIRECT', inserted: 270, updated: 0, unchanged: 0 });
    expect(b).toMatchObject({ status: 'ACCEPTED', path: 'STAGED', inserted: 270, updated: 0, unchanged: 0 });
    expect(a.repeated).toBe(0);
    expect(a).toMatchObject({
      checksum: sha256(text),
      bytes: Buffer.byteLength(text),
      rows: 270,
      dataVersion: b.dataVersion,
    });
    const stored = await contents(direct.url, 2031);
    expect(stored).toHaveLength(270);
    expect(stored).toEqual(await contents(staged.url, 2031));
  });
});

describe('falling back to staging', () => {
  it('a file that also holds a stored row: read again, upserted, file facts counted once', async () => {
    // New year first (so the direct path is tried), then every stored 2031 row again, one changed.
    const stored = yearLines(2031, 30);
    const [year, code, grade, subject, n, n2, n3, n4, n5] = (stored[5] ?? '').split(';').map(String);
    const changed = [year, code, grade, subject, Number(n) + 1, n2, n3, n4, Number(n5) + 1].join(';');
    const lines = [...yearLines(2032, 10), ...stored.slice(0, 5), changed, ...stored.slice(6)];
    const text = file(lines);
    const report = await importBytes(direct.url, 'vpr', text);
    expect(report).toMatchObject({
      status: 'ACCEPTED',
      path: 'STAGED',
      inserted: 90,
      updated: 1,
      unchanged: 269,
      repeated: 0,
      rows: lines.length,
      bytes: Buffer.byteLength(text),
      checksum: sha256(text),
      badRows: 0,
    });
    expect(await contents(direct.url, 2032)).toHaveLength(90);
  });

  it('a file with an exact duplicate line: the repeat is counted once', async () => {
    const lines = yearLines(2033, 10);
    const report = await importBytes(direct.url, 'vpr', file([...lines, lines[3] ?? '']));
    expect(report).toMatchObject({
      status: 'ACCEPTED',
      path: 'STAGED',
      rows: 91,
      inserted: 90,
      updated: 0,
      unchanged: 0,
      repeated: 1,
    });
    expect(await contents(direct.url, 2033)).toHaveLength(90);
  });
});

describe('bad rows on the direct path', () => {
  it('refuse the file with every bad row listed, and store nothing', async () => {
    const before = await tableFingerprint(db, 'vpr_result');
    const lines = yearLines(2034, 10);
    lines[2] = '2034;no-such-school;4;RU;20;2;8;7;3';
    lines[50] = lines[50]?.replace(/;(\d+)$/, ';99') ?? '';
    lines.push('2034;another-unknown;5;MA;20;2;8;7;3');
    const report = await importBytes(direct.url, 'vpr', file(lines));
    expect(report).toMatchObject({ status: 'REJECTED', path: 'DIRECT', inserted: 0, badRows: 3 });
    expect([...new Set(report.errors.map((e) => e.line))]).toEqual([4, 52, 92]);
    expect(await tableFingerprint(db, 'vpr_result')).toBe(before);
  });
});
