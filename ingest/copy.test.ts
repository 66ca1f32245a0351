import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRows, encodeRow } from '../db/copy.js';

const URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

describe('copyRows', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: URL });
    await client.connect();
    await client.query(
      `create temp table copy_probe (id int primary key, label text, note text, nums integer[], words text[], score double precision, flag boolean)`,
    );
  });

  afterAll(async () => {
    await client.end();
  });

  it('round-trips tabs, newlines, backslashes, nulls, arrays and Cyrillic', async () => {
    const rows: (readonly unknown[])[] = [
      [1, 'tab\there', 'line\nbreak\r\nend', [1, 2, 3], ['a', 'b c'], 1.5, true],
      [2, 'back\\slash \\N', null, [], ['quote "x"', 'back\\slash', 'NULL', ''], null, false],
      [
        3,
        'МБОУ СОШ № 29 имени К.Ф. Зайцева',
        '«Западное управление»',
        [0, null, 7],
        [null, 'ё\tЁ'],
        -0.25,
        null,
      ],
      [4, '', '\\', null, null, 1e-9, true],
    ];
    const copied = await copyRows(
      client,
      'copy_probe',
      ['id', 'label', 'note', 'nums', 'words', 'score', 'flag'],
      rows,
    );
    expect(copied).toBe(rows.length);
    const result = await client.query<{
      id: number;
      label: string;
      note: string | null;
      nums: (number | null)[] | null;
      words: (string | null)[] | null;
      score: number | null;
      flag: boolean | null;
    }>('select id, label, note, nums, words, score, flag from copy_probe order by id');
    expect(result.rows.map((r) => [r.id, r.label, r.note, r.nums, r.words, r.score, r.flag])).toEqual(rows);
  });

  it('takes batches of rows and leaves out the leading fields before firstField', async () => {
    await client.query('create temp table copy_batches (n int, t text)');
    async function* batches() {
      yield {
        rows: [
          [101, 1, 'one'],
          [102, 2, 'two'],
        ],
      };
      yield [103, 3, 'three'];
      yield { rows: [[104, 4, 'четыре']] };
    }
    const copied = await copyRows(client, 'copy_batches', ['n', 't'], batches(), { firstField: 1 });
    expect(copied).toBe(4);
    const { rows } = await client.query(`select n, t from copy_batches order by n`);
    expect(rows).toEqual([
      { n: 1, t: 'one' },
      { n: 2, t: 'two' },
      { n: 3, t: 'three' },
      { n: 4, t: 'четыре' },
    ]);
  });

  it('streams many rows from an async generator in several chunks', async () => {
    await client.query('create temp table copy_many (n int, t text)');
    async function* many() {
      for (let i = 0; i < 50_000; i++) yield [i, `строка ${i}\t${'x'.repeat(i % 17)}`] as const;
    }
    const chunks: string[] = [];
    const copied = await copyRows(client, 'copy_many', ['n', 't'], many(), {
      onChunk: (c) => chunks.push(c),
    });
    expect(copied).toBe(50_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('').split('\n').length - 1).toBe(50_000);
    const { rows } = await client.query<{ c: string; s: string }>(
      `select count(*)::text as c, sum(length(t))::text as s from copy_many`,
    );
    expect(rows[0]?.c).toBe('50000');
  });

  it('rejects on a server error and leaves the connection usable', async () => {
    await client.query('create temp table copy_bad (n int check (n > 0))');
    await expect(copyRows(client, 'copy_bad', ['n'], [[1], [-1]])).rejects.toThrow(/check/);
    const { rows } = await client.query<{ one: number }>('select 1 as one');
    expect(rows[0]?.one).toBe(1);
  });

  it('aborts when the row source throws', async () => {
    function* broken(): Generator<readonly unknown[]> {
      yield [1];
      throw new Error('source failed');
    }
    await expect(copyRows(client, 'copy_bad', ['n'], broken())).rejects.toThrow('source failed');
    const { rows } = await client.query<{ c: string }>('select count(*)::text as c from copy_bad');
    expect(rows[0]?.c).toBe('0');
  });

  it('encodes a row as one COPY text line', () => {
    expect(encodeRow([1, null, 'a\tb', [1, 2]])).toBe('1\t\\N\ta\\tb\t{1,2}\n');
  });
});
