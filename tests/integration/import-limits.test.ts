import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { rowXml, spacesDeflated, tableFingerprint, xlsxBytes } from '../support/import.js';
import { startTestServerOn } from '../support/server.js';

/**
 * Files built to exhaust the server (issue 9, findings 5 and 9), through the CLI and the upload
 * route alike: each limit refuses the file whole, with its code and a logged import_log row,
 * without writing a row, without unpacking a zip bomb, and without stopping the server from
 * answering meanwhile; and the upload route refuses a cross-site "simple" request (CSRF).
 */

const LIMITS = {
  IMPORT_MAX_UPLOAD_BYTES: String(2 * 1024 * 1024),
  IMPORT_MAX_UNPACKED_BYTES: String(16 * 1024 * 1024),
  IMPORT_MAX_CELL_CHARS: '2000',
  IMPORT_MAX_COLUMNS: '50',
  IMPORT_MAX_ROWS: '20000',
  IMPORT_STATEMENT_TIMEOUT_MS: '20000',
};
const HEADER = 'Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5';
const ROW = '2027;sch230001;5;RU;20;2;8;7;3';

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let dir: string;
let before: string;

beforeAll(async () => {
  // The route reads its limits from the configuration of the process (config/settings.ts), as the CLI does.
  Object.assign(process.env, LIMITS);
  fresh = await createFreshDatabase({ seed: 'demo' });
  // Sampled every few milliseconds while imports run: more than the default 600 queries a minute.
  server = await startTestServerOn(fresh.url, { ...LIMITS, RATE_LIMIT_PER_MINUTE: '1000000' });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  dir = await mkdtemp(join(tmpdir(), 'shnor-limits-'));
  before = await fingerprint();
});
afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
  await rm(dir, { recursive: true, force: true });
});

async function fingerprint(): Promise<string> {
  const tables = ['school', 'vpr_result', 'oge_result', 'ege_result', 'indicator_value'];
  return (await Promise.all(tables.map((t) => tableFingerprint(db, t)))).join(' ');
}

interface Answer {
  status: number;
  body: {
    id?: string;
    status?: string;
    badRows?: number;
    fileError?: { code: string; ru: string; en: string; value?: string } | null;
    errors: {
      line?: number;
      column?: string;
      value?: string;
      reason?: { ru: string; en: string };
      message?: string;
      extensions?: { code?: string };
    }[];
  };
}

/** A raw upload (a type that is preflighted: no CSRF header needed). */
async function upload(kind: string, bytes: Uint8Array | string, fileName: string): Promise<Answer> {
  const response = await fetch(`${server.url}/import/${kind}?filename=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
    headers: { 'content-type': 'application/octet-stream' },
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** `npm run import` on a file written for the purpose; its import_log row, found by its file name. */
async function cli(kind: string, bytes: Uint8Array | string, fileName: string) {
  const file = join(dir, fileName);
  await writeFile(file, bytes);
  const child = spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'api/import/cli.ts', kind, file],
    { env: { ...process.env, ...LIMITS, DATABASE_URL: fresh.url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output, log: await logOf(fileName) };
}

/** The newest import_log row of a file name: status and its first error (the file error, if any). */
async function logOf(fileName: string) {
  const { rows } = await db.query<{
    id: string;
    status: string;
    error: Answer['body']['errors'][number] & { code?: string };
  }>(
    `select id::text as id, status, errors->0 as error from import_log where file_name = $1 order by id desc limit 1`,
    [fileName],
  );
  return rows[0];
}

async function logById(id: string | undefined) {
  const { rows } = await db.query<{
    status: string;
    errors: { code?: string; value: string; line: number }[];
  }>(`select status, errors from import_log where id = $1`, [id]);
  return rows[0];
}

/** Latency of /healthz and of a light GraphQL query, sampled while `work` runs: the worst of each. */
async function worstLatencyDuring<T>(
  work: Promise<T>,
): Promise<{ result: T; health: number; graphql: number; samples: number }> {
  let done = false;
  let health = 0;
  let graphql = 0;
  let samples = 0;
  const sampling = (async () => {
    while (!done) {
      let started = performance.now();
      const ok = await fetch(`${server.url}/healthz`);
      await ok.text();
      health = Math.max(health, performance.now() - started);
      started = performance.now();
      const answer = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' }),
      });
      expect(((await answer.json()) as { errors?: unknown }).errors).toBeUndefined();
      graphql = Math.max(graphql, performance.now() - started);
      samples++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { result: await work, health, graphql, samples };
  } finally {
    done = true;
    await sampling;
  }
}

// ——— the attack files ———

const csv = (lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

/** Valid-looking rows (with an extra column, ignored) past IMPORT_MAX_UPLOAD_BYTES (2 MiB). */
const tooLarge = () =>
  csv(Array.from({ length: 19_000 }, () => `${ROW};${'x'.repeat(100)}`)).replace(
    HEADER,
    `${HEADER};Примечание`,
  );

/** An XLSX whose sheet declares 1 GiB: refused from its header, before it is inflated. */
const bombDeclared = () =>
  xlsxBytes({
    sheet: { name: 'xl/worksheets/sheet1.xml', deflated: spacesDeflated(1024), declaredSize: 2 ** 30 },
  });

/** An XLSX whose sheet declares 2 KB and inflates to 1 GiB (spaces inside <sheetData>). */
function bombLying(): Buffer {
  const start = deflateRawSync(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
    { finishFlush: zlibConstants.Z_SYNC_FLUSH },
  );
  const deflated = Buffer.concat([start, spacesDeflated(1024)]);
  return xlsxBytes({ sheet: { name: 'xl/worksheets/sheet1.xml', deflated, declaredSize: 2048 } });
}

/** A shared string of 12 million characters (the file is a few dozen KB). */
function hugeCellXlsx(): Buffer {
  const strings = deflateRawSync(
    Buffer.from(
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'x'.repeat(12_000_000)}</t></si></sst>`,
    ),
  );
  const header = HEADER.split(';').map((value, i) => ({ column: i + 1, value }));
  const row = ROW.split(';').map((value, i) => ({
    column: i + 1,
    value: /^\d+$/.test(value) ? Number(value) : value,
  }));
  const cell = `<c r="D3" t="s"><v>0</v></c>`;
  const third = rowXml(
    3,
    row.filter((c) => c.column !== 4),
  ).replace('</row>', `${cell}</row>`);
  return xlsxBytes({
    rows: [rowXml(1, header), rowXml(2, row), third],
    sharedStrings: { name: 'xl/sharedStrings.xml', deflated: strings, declaredSize: 0 },
  });
}

/** One cell at column XFD on each of 20 000 rows (the file of finding 5a). */
function xfdXlsx(): Buffer {
  const header = HEADER.split(';').map((value, i) => ({ column: i + 1, value }));
  const rows = [rowXml(1, header)];
  for (let r = 2; r <= 20_000; r++) rows.push(rowXml(r, [{ column: 16_384, value: 1 }]));
  return xlsxBytes({ rows });
}

/** 20 001 data rows: one more than IMPORT_MAX_ROWS. */
const tooManyRows = () => csv(Array.from({ length: 20_001 }, () => ROW));

/** A header row of 60 columns. */
const tooManyColumns = () => csv([ROW]).replace(HEADER, `${HEADER}${';x'.repeat(51)}`);

/** The same key on 15 000 lines with two alternating sets of values. */
const repeatedKeys = () =>
  csv(
    Array.from({ length: 15_000 }, (_, i) =>
      i % 2 ? '2027;sch230001;5;RU;20;2;8;7;3' : '2027;sch230001;5;RU;20;3;7;7;3',
    ),
  );

/** A valid CSV as UTF-16 LE with its BOM (Excel's «Unicode text»). */
const utf16 = () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([ROW]), 'utf16le')]);

/** Random bytes. */
const binary = () => randomBytes(8192);

interface Case {
  name: string;
  kind: string;
  file: () => Uint8Array | string;
  code: string;
  status: number;
}

const FILE_CASES: Case[] = [
  { name: 'too-large.csv', kind: 'vpr', file: tooLarge, code: 'FILE_TOO_LARGE', status: 413 },
  { name: 'bomb-declared.xlsx', kind: 'vpr', file: bombDeclared, code: 'UNPACKED_TOO_LARGE', status: 413 },
  { name: 'bomb-lying.xlsx', kind: 'vpr', file: bombLying, code: 'UNPACKED_TOO_LARGE', status: 413 },
  { name: 'xfd.xlsx', kind: 'vpr', file: xfdXlsx, code: 'TOO_MANY_COLUMNS', status: 422 },
  { name: 'columns.csv', kind: 'vpr', file: tooManyColumns, code: 'TOO_MANY_COLUMNS', status: 422 },
  { name: 'rows.csv', kind: 'vpr', file: tooManyRows, code: 'TOO_MANY_ROWS', status: 413 },
  { name: 'utf16.csv', kind: 'vpr', file: utf16, code: 'UNREADABLE_FILE', status: 400 },
  { name: 'binary.csv', kind: 'schools', file: binary, code: 'UNREADABLE_FILE', status: 400 },
];

describe('a file over a limit is refused whole, with its code, logged, nothing written', () => {
  it.each(FILE_CASES.map((c) => [c.name, c] as const))('%s (upload route)', async (_name, c) => {
    const started = performance.now();
    const {
      result: answer,
      health,
      graphql,
    } = await worstLatencyDuring(upload(c.kind, c.file(), `http-${c.name}`));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(answer.status).toBe(c.status);
    expect(answer.body.status).toBe('REJECTED');
    expect(answer.body.fileError?.code).toBe(c.code);
    expect(answer.body.errors[0]?.extensions?.code).toBe(c.code);
    expect(answer.body.fileError?.ru).toMatch(/[а-я]/);
    expect(answer.body.fileError?.en).toMatch(/[a-z]/);
    const log = await logById(answer.body.id);
    expect(log?.status).toBe('REJECTED');
    expect(log?.errors[0]?.code).toBe(c.code);
    expect(await fingerprint()).toBe(before);
    // The server kept answering meanwhile.
    expect(health).toBeLessThan(200);
    expect(graphql).toBeLessThan(200);
  });

  it('CLI: every attack file is refused with its code, exit 1, and logged', async () => {
    const runs = await Promise.all(FILE_CASES.map((c) => cli(c.kind, c.file(), `cli-${c.name}`)));
    for (const [i, run] of runs.entries()) {
      const c = FILE_CASES[i] as Case;
      expect({
        name: c.name,
        code: run.code,
        refused: run.output.includes(`(${c.code})`) || run.output.slice(0, 2000),
      }).toEqual({
        name: c.name,
        code: 1,
        refused: true,
      });
      expect({ name: c.name, status: run.log?.status, code: run.log?.error.code }).toEqual({
        name: c.name,
        status: 'REJECTED',
        code: c.code,
      });
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe('the upload route refuses a too-large upload without reading it', () => {
  it('by its Content-Length: 413 FILE_TOO_LARGE, logged', async () => {
    const form = new FormData();
    form.append('file', new Blob([tooLarge()], { type: 'text/csv' }), 'multipart-large.csv');
    const response = await fetch(`${server.url}/import/vpr`, {
      method: 'POST',
      body: form,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as Answer['body'];
    expect(body.errors[0]?.extensions?.code).toBe('FILE_TOO_LARGE');
    expect((await logById(body.id))?.errors[0]?.code).toBe('FILE_TOO_LARGE');
  });

  it('counted as it arrives (no Content-Length): 413, the spool removed', async () => {
    const spools = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('shnor-upload-'));
    const spooledBefore = await spools();
    const chunk = new TextEncoder().encode(`${ROW}\n`.repeat(4000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Never ends by itself: the server must stop it.
        sent += chunk.length;
        if (sent > 64 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${server.url}/import/vpr?filename=streamed.csv`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/csv' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const answer = (await response.json()) as Answer['body'];
    expect(answer.errors[0]?.extensions?.code).toBe('FILE_TOO_LARGE');
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    expect((await logOf('streamed.csv'))?.error.code).toBe('FILE_TOO_LARGE');
    expect((await spools()).filter((name) => !spooledBefore.includes(name))).toEqual([]);
  });
});

describe('a cell longer than IMPORT_MAX_CELL_CHARS', () => {
  const longCsv = () => csv([ROW, `2027;sch230001;6;${'Ж'.repeat(10_000)};20;2;8;7;3`]);

  it.each([
    ['long-cell.csv', longCsv],
    ['long-cell.xlsx', hugeCellXlsx],
  ] as const)(
    '%s: a bad row quoting the value cut to 200 characters, here and in import_log',
    async (name, file) => {
      const answer = await upload('vpr', file(), name);
      expect(answer.status).toBe(422);
      const [error] = answer.body.errors;
      expect(error).toMatchObject({ line: 3, column: 'Предмет' });
      expect(error?.reason?.en).toContain('longer than 2000');
      expect(error?.value).toHaveLength(201);
      expect(error?.value?.endsWith('…')).toBe(true);
      const log = await logById(answer.body.id);
      expect(log?.errors[0]?.value).toBe(error?.value);
      const run = await cli('vpr', file(), `cli-${name}`);
      expect(run.code).toBe(1);
      expect(run.log?.error.value).toHaveLength(201);
      expect(await fingerprint()).toBe(before);
    },
  );

  it('`imports { errors }` answers, even over a huge value stored before the bound', async () => {
    await db.query(
      `insert into import_log (actor, role, scope, kind, file_name, status, errors, data_version, milliseconds)
       values ('old', 'MINISTRY', '{"kind":"ALL"}', 'vpr', 'old.xlsx', 'REJECTED',
         jsonb_build_array(jsonb_build_object('line', 2, 'column', 'Предмет', 'value', repeat('x', 20000000),
           'reason', jsonb_build_object('ru', 'р', 'en', 'e'))), 0, 0)`,
    );
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ imports(first: 50) { nodes { fileName errors } } }' }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      data?: { imports: { nodes: { fileName: string; errors: { value: string }[] }[] } };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    const values = answer.data?.imports.nodes.flatMap((n) => n.errors.map((e) => e.value)) ?? [];
    expect(values.length).toBeGreaterThan(3);
    for (const value of values) expect(value.length).toBeLessThanOrEqual(201);
  });
});

describe('repeated keys', () => {
  it('are refused quickly, every conflicting line listed, through both ways in', async () => {
    const started = performance.now();
    const { result: answer, health } = await worstLatencyDuring(
      upload('vpr', repeatedKeys(), 'repeated.csv'),
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(answer.status).toBe(422);
    expect(answer.body.badRows).toBe(7_500);
    expect(answer.body.errors).toHaveLength(7_500);
    expect(answer.body.errors[0]).toMatchObject({ line: 3, column: 'Логин, Год, Класс, Предмет' });
    expect(answer.body.errors[0]?.reason?.en).toContain('same key as line 2');
    expect((await logById(answer.body.id))?.status).toBe('REJECTED');
    expect(health).toBeLessThan(200);
    const run = await cli('vpr', repeatedKeys(), 'cli-repeated.csv');
    expect(run.code).toBe(1);
    expect(run.log?.status).toBe('REJECTED');
    expect(await fingerprint()).toBe(before);
  });
});

describe('CSRF on the upload route (Apollo’s rule)', () => {
  const multipart = (headers: Record<string, string>) => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([csv(['2027;sch230001;7;RU;20;2;8;7;3'])], { type: 'text/csv' }),
      'csrf.csv',
    );
    return fetch(`${server.url}/import/vpr`, { method: 'POST', body: form, headers });
  };
  const textPlain = (headers: Record<string, string>) =>
    fetch(`${server.url}/import/vpr?filename=csrf.txt`, {
      method: 'POST',
      body: csv(['2027;sch230001;8;RU;20;2;8;7;3']),
      headers: { 'content-type': 'text/plain', ...headers },
    });

  it('a text/plain or multipart POST without the header: 400 CSRF_PREVENTED, nothing imported', async () => {
    const imports = await db.query(`select count(*)::int as n from import_log`);
    for (const response of [
      await textPlain({}),
      await multipart({}),
      await textPlain({ 'apollo-require-preflight': '' }),
    ]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: expect.stringContaining('CSRF'), extensions: { code: 'CSRF_PREVENTED' } }],
      });
    }
    expect(await fingerprint()).toBe(before);
    expect((await db.query(`select count(*)::int as n from import_log`)).rows).toEqual(imports.rows);
  });

  it('with `apollo-require-preflight: true` (or x-apollo-operation-name) it is accepted', async () => {
    const plain = await textPlain({ 'apollo-require-preflight': 'true' });
    expect(plain.status).toBe(200);
    const form = await multipart({ 'x-apollo-operation-name': 'upload' });
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({ status: 'ACCEPTED', inserted: 1 });
  });
});
