import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { rowXml, tableFingerprint, xlsxBytes } from '../support/import.js';
import { startTestServerOn } from '../support/server.js';
import { importByCli, uploadImport } from '../support/support-import.js';

/**
 * Bulk imports of the support lists (issue 12 item 5: assignments, partnerships, diagnostics) over
 * real HTTP and by the CLI, into a real database with the demo seed: good files written (checked by
 * SQL), bad files refused whole with every bad row listed and nothing written, the importer's scope
 * checked row by row (a row of another municipality is a bad row naming the place).
 */

const SECRET = 'support-import-test-secret-of-32-bytes!';
const FIXTURES = join(import.meta.dirname, '../fixtures/import/support');
const TABLES = { assignments: 'assignment', partnerships: 'partnership', diagnostics: 'diagnostic' } as const;
type Kind = keyof typeof TABLES;

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let dir: string;
let ministry: string;
let municipal10: string;
let regional56: string;

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  dir = await mkdtemp(join(tmpdir(), 'shnor-support-import-'));
  const { rows } = await db.query<{ id: number }>(
    `select id from municipality where name = 'Пономаревский район'`,
  );
  ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'minister' });
  municipal10 = await mintToken(SECRET, {
    role: 'MUNICIPAL_ANALYST',
    municipality: rows[0]?.id,
    sub: 'mun-ponomarevka',
  });
  regional56 = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56', sub: 'analyst-56' });
});
afterAll(async () => {
  await server.close();
  await db.end();
  await fresh.drop();
  await rm(dir, { recursive: true, force: true });
});

const fixture = (name: string) => readFile(join(FIXTURES, name));

const upload = (kind: string, bytes: Uint8Array | string, fileName: string, token?: string) =>
  uploadImport(server.url, kind, bytes, fileName, token);
const cli = (kind: string, bytes: Uint8Array | string, fileName: string) =>
  importByCli(fresh.url, dir, kind, bytes, fileName);

const count = async (table: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n;

async function clear(kind: Kind) {
  await db.query(`delete from ${TABLES[kind]}`);
}

describe('assignments', () => {
  it('a good file over HTTP (Russian headers, places by code, id and name) writes its rows, log and audit', async () => {
    await clear('assignments');
    const { status, report } = await upload(
      'assignments',
      await fixture('assignments.csv'),
      'a.csv',
      ministry,
    );
    expect(report.errors).toEqual([]);
    expect(status).toBe(200);
    expect(report).toMatchObject({ status: 'ACCEPTED', rows: 4, inserted: 4, updated: 0, unchanged: 0 });
    const { rows } = await db.query(
      `select a.kind, a.person_full_name as name, a.person_key as key, r.code as region, m.name as municipality,
         s.code as school, to_char(a.valid_from, 'YYYY-MM-DD') as "from", to_char(a.valid_to, 'YYYY-MM-DD') as "to"
       from assignment a join region r on r.id = a.region_id join municipality m on m.id = a.municipality_id
         left join school s on s.id = a.school_id
       order by a.person_key, s.code`,
    );
    expect(rows).toEqual([
      {
        kind: 'CURATOR',
        name: 'Иванова Мария Алексеевна',
        key: 'ivanova-ma',
        region: '56',
        municipality: 'Пономаревский район',
        school: 'sch560030',
        from: '2026-09-01',
        to: null,
      },
      {
        kind: 'CURATOR',
        name: 'Иванова Мария Алексеевна',
        key: 'ivanova-ma',
        region: '56',
        municipality: 'Пономаревский район',
        school: 'sch560031',
        from: '2026-09-01',
        to: '2027-08-31',
      },
      {
        kind: 'COORDINATOR',
        name: 'Петров Пётр Петрович',
        key: 'petrov-pp',
        region: '56',
        municipality: 'Пономаревский район',
        school: null,
        from: '2026-09-01',
        to: null,
      },
      {
        kind: 'COORDINATOR',
        name: 'Смирнова Анна Игоревна',
        key: 'smirnova-ai',
        region: '56',
        municipality: 'Матвеевский район',
        school: null,
        from: '2026-09-01',
        to: '2027-05-31',
      },
    ]);
    const log = await db.query(`select kind, status, rows, inserted, actor from import_log where id = $1`, [
      report.id,
    ]);
    expect(log.rows).toEqual([
      { kind: 'assignments', status: 'ACCEPTED', rows: 4, inserted: 4, actor: 'minister' },
    ]);
    const audit = await db.query(`select actor from audit_log where action = 'import' and target = $1`, [
      'assignments:a.csv',
    ]);
    expect(audit.rows).toEqual([{ actor: 'minister' }]);
    // Again: nothing changes.
    const again = await upload('assignments', await fixture('assignments.csv'), 'a.csv', ministry);
    expect(again.report).toMatchObject({ status: 'ACCEPTED', inserted: 0, updated: 0, unchanged: 4 });
    expect(await count('assignment')).toBe(4);
  });

  it('the same file by the CLI', async () => {
    await clear('assignments');
    const run = await cli('assignments', await fixture('assignments.csv'), 'cli-assignments.csv');
    expect(run.output).toContain('Принят / accepted: assignments');
    expect(run.code).toBe(0);
    expect(await count('assignment')).toBe(4);
    const { rows } = await db.query(
      `select actor, kind from import_log where file_name = 'cli-assignments.csv'`,
    );
    expect(rows).toEqual([{ actor: expect.stringMatching(/^cli:/), kind: 'assignments' }]);
  });

  it('the imports log lists the support kinds like the others (imports(kind:))', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ministry}` },
      body: JSON.stringify({
        query: '{ imports(kind: "assignments", first: 50) { totalCount nodes { kind } } }',
      }),
    });
    const body = (await response.json()) as {
      data?: { imports: { totalCount: number; nodes: { kind: string }[] } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    const expected = await db.query<{ n: number }>(
      `select count(*)::int as n from import_log where kind = 'assignments'`,
    );
    expect(body.data?.imports.totalCount).toBe(expected.rows[0]!.n);
    expect(expected.rows[0]!.n).toBeGreaterThan(0);
    expect(new Set(body.data?.imports.nodes.map((n) => n.kind))).toEqual(new Set(['assignments']));
  });

  it('a bad file is refused whole: every bad row listed, nothing written', async () => {
    const before = await tableFingerprint(db, 'assignment');
    const { status, report } = await upload(
      'assignments',
      await fixture('assignments-bad.csv'),
      'bad.csv',
      ministry,
    );
    expect(status).toBe(422);
    expect(report.status).toBe('REJECTED');
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Вид'],
      [3, 'Код ОО'],
      [4, 'Муниципалитет'],
      [5, 'Код ОО'],
      [6, 'Дата окончания'],
      [8, 'Вид, Ключ, Код ОО, Дата начала'],
      [9, 'Код ОО'],
      [9, 'Дата начала'],
    ]);
    expect(report.badRows).toBe(7);
    for (const error of report.errors) {
      expect(error.reason.ru).toMatch(/[а-я]/);
      expect(error.reason.en).toMatch(/[a-z]/);
    }
    expect(report.errors[5]?.reason.en).toContain('same key as line 7');
    expect(report.errors[7]?.value).toBe('31.02.2026');
    expect(await tableFingerprint(db, 'assignment')).toBe(before);
    const cliRun = await cli('assignments', await fixture('assignments-bad.csv'), 'cli-bad.csv');
    expect(cliRun.code).toBe(1);
    expect(cliRun.output).toContain('строка 4, «Муниципалитет» = «Пономаревский район»');
    expect(await tableFingerprint(db, 'assignment')).toBe(before);
  });

  it('a municipal analyst imports its own municipality; a row of another is a bad row naming the place', async () => {
    await clear('assignments');
    const header = 'Вид;ФИО;Ключ;Муниципалитет;Код ОО;Дата начала';
    const own = await upload(
      'assignments',
      // the municipality by name: the analyst's own region is the region of the name
      `${header}\nкоординатор;Петров П. П.;petrov;Пономаревский район;;01.09.2026\nкуратор;Иванова;iv;;sch560030;01.09.2026\n`,
      'own.csv',
      municipal10,
    );
    expect(own.report.errors).toEqual([]);
    expect(own.report).toMatchObject({ status: 'ACCEPTED', inserted: 2 });
    const other = await upload(
      'assignments',
      `${header}\nкуратор;Иванова;iv;;sch560031;01.09.2026\nкуратор;Чужая;x;;sch560001;01.09.2026\nкоординатор;Чужой;y;Матвеевский район;;01.09.2026\n`,
      'other.csv',
      municipal10,
    );
    expect(other.status).toBe(422);
    expect(other.report.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, 'Код ОО', 'sch560001'],
      [4, 'Муниципалитет', 'Матвеевский район'],
    ]);
    expect(other.report.errors[0]?.reason.en).toContain('«sch560001» is outside your scope');
    expect(other.report.errors[1]?.reason.ru).toContain('«Матвеевский район» вне вашей зоны');
    expect(await count('assignment')).toBe(2);
    // A region analyst: every municipality of its region, none of another.
    const regional = await upload(
      'assignments',
      `${header}\nкуратор;Иванова;iv;;sch560001;01.09.2026\nкуратор;Чужая;x;;sch230001;01.09.2026\n`,
      'regional.csv',
      regional56,
    );
    expect(regional.report.errors.map((e) => [e.line, e.value])).toEqual([[3, 'sch230001']]);
  });

  it('answers 403 for a school and 400 for an unknown kind', async () => {
    const school = await mintToken(SECRET, { role: 'SCHOOL', school: 'sch560030' });
    const forbidden = await upload('assignments', 'Вид\n', 'x.csv', school);
    expect(forbidden.status).toBe(403);
    expect((await upload('curators', 'Вид\n', 'x.csv', ministry)).status).toBe(400);
  });
});

describe('partnerships', () => {
  it('a good file (English aliases, comma) over HTTP and by the CLI', async () => {
    await clear('partnerships');
    const { status, report } = await upload(
      'partnerships',
      await fixture('partnerships.csv'),
      'p.csv',
      ministry,
    );
    expect(report.errors).toEqual([]);
    expect(status).toBe(200);
    const stored = `select l.code as listed, p.code as partner, to_char(valid_from, 'YYYY-MM-DD') as "from",
        to_char(valid_to, 'YYYY-MM-DD') as "to"
      from partnership x join school l on l.id = x.listed_school_id join school p on p.id = x.partner_school_id
      order by l.code`;
    const expected = [
      { listed: 'sch560030', partner: 'sch560001', from: '2026-09-01', to: null },
      { listed: 'sch560031', partner: 'sch560002', from: '2026-09-01', to: '2027-06-30' },
    ];
    expect((await db.query(stored)).rows).toEqual(expected);
    await clear('partnerships');
    const run = await cli('partnerships', await fixture('partnerships.csv'), 'cli-partnerships.csv');
    expect(run.code).toBe(0);
    expect((await db.query(stored)).rows).toEqual(expected);
  });

  it('a bad file is refused whole, every bad row listed', async () => {
    const before = await tableFingerprint(db, 'partnership');
    const { status, report } = await upload(
      'partnerships',
      await fixture('partnerships-bad.csv'),
      'pb.csv',
      ministry,
    );
    expect(status).toBe(422);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Школа-партнёр'],
      [3, 'Школа-партнёр'],
      [4, 'Дата начала'],
      [6, 'Школа, Школа-партнёр, Дата начала'],
      [7, 'Дата окончания'],
    ]);
    expect(report.errors[1]?.reason.en).toContain('another region');
    expect(await tableFingerprint(db, 'partnership')).toBe(before);
  });

  it('a municipal analyst may not list a school of another municipality', async () => {
    const { report } = await upload(
      'partnerships',
      'Школа;Школа-партнёр;Дата начала\nsch560001;sch560030;01.09.2026\n',
      'pm.csv',
      municipal10,
    );
    expect(report.errors.map((e) => [e.line, e.column, e.value])).toEqual([[2, 'Школа', 'sch560001']]);
  });
});

describe('diagnostics', () => {
  it('a good file over HTTP and by the CLI; again it changes nothing, other counts update', async () => {
    await clear('diagnostics');
    const { report } = await upload('diagnostics', await fixture('diagnostics.csv'), 'd.csv', municipal10);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ status: 'ACCEPTED', inserted: 3 });
    const stored = `select s.code, grade, subject, stage, to_char(date, 'YYYY-MM-DD') as date, participants, n2, n3, n4, n5
      from diagnostic d join school s on s.id = d.school_id order by date`;
    const expected = [
      {
        code: 'sch560030',
        grade: 5,
        subject: 'RU',
        stage: 'ENTRANCE',
        date: '2026-09-15',
        participants: 20,
        n2: 3,
        n3: 8,
        n4: 6,
        n5: 3,
      },
      {
        code: 'sch560030',
        grade: 5,
        subject: 'MA',
        stage: 'INTERMEDIATE',
        date: '2026-12-20',
        participants: 20,
        n2: 2,
        n3: 9,
        n4: 6,
        n5: 3,
      },
      {
        code: 'sch560031',
        grade: 9,
        subject: 'MA',
        stage: 'FINAL',
        date: '2027-05-15',
        participants: 25,
        n2: 1,
        n3: 10,
        n4: 10,
        n5: 4,
      },
    ];
    expect((await db.query(stored)).rows).toEqual(expected);
    const run = await cli('diagnostics', await fixture('diagnostics.csv'), 'cli-diagnostics.csv');
    expect(run.code).toBe(0);
    expect(run.output).toContain('без изменений / unchanged 3');
    const changed = await upload(
      'diagnostics',
      'school,grade,subject,stage,date,participants,n2,n3,n4,n5\nsch560030,5,RU,ENTRANCE,2026-09-15,21,4,8,6,3\n',
      'd2.csv',
      ministry,
    );
    expect(changed.report).toMatchObject({ status: 'ACCEPTED', inserted: 0, updated: 1 });
    expect(await count('diagnostic')).toBe(3);
  });

  it('an XLSX variant (numbers as numbers)', async () => {
    await clear('diagnostics');
    const header = ['Код ОО', 'Класс', 'Предмет', 'Этап', 'Дата', 'Кол-во участников', '2', '3', '4', '5'];
    const row = ['sch560032', 4, 'Математика', 'промежуточный', '20.12.2026', 18, 2, 6, 7, 3];
    const bytes = xlsxBytes({
      rows: [
        rowXml(
          1,
          header.map((value, i) => ({ column: i + 1, value })),
        ),
        rowXml(
          2,
          row.map((value, i) => ({ column: i + 1, value })),
        ),
      ],
    });
    const { status, report } = await upload('diagnostics', bytes, 'd.xlsx', ministry);
    expect(report.errors).toEqual([]);
    expect(status).toBe(200);
    const { rows } = await db.query(
      `select grade, subject, stage, to_char(date, 'YYYY-MM-DD') as date, n5 from diagnostic`,
    );
    expect(rows).toEqual([{ grade: 4, subject: 'MA', stage: 'INTERMEDIATE', date: '2026-12-20', n5: 3 }]);
  });

  it('a bad file is refused whole, every bad row listed, nothing written', async () => {
    const before = await tableFingerprint(db, 'diagnostic');
    const { status, report } = await upload(
      'diagnostics',
      await fixture('diagnostics-bad.csv'),
      'db.csv',
      ministry,
    );
    expect(status).toBe(422);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Класс'],
      [3, 'Предмет'],
      [4, 'Этап'],
      [5, 'Кол-во участников'],
      [6, '2, 3, 4, 5'],
      [8, 'Код ОО, Класс, Предмет, Этап, Дата'],
    ]);
    expect(report.badRows).toBe(6);
    expect(await tableFingerprint(db, 'diagnostic')).toBe(before);
    const { rows } = await db.query(`select status, bad_rows from import_log where id = $1`, [report.id]);
    expect(rows).toEqual([{ status: 'REJECTED', bad_rows: 6 }]);
  });
});
