import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { tableFingerprint } from '../support/import.js';
import { startTestServerOn } from '../support/server.js';
import { importByCli, uploadImport } from '../support/support-import.js';

/**
 * Bulk imports of the other support lists (issue 12 item 5: orders, events, documents — the status
 * log —, activity statuses and activity reports) over real HTTP and by the CLI, into a real
 * database with the demo seed and roadmaps written here in SQL: good files land (checked in SQL),
 * again change nothing, bad files are refused whole with every bad row listed and nothing written,
 * the importer's scope holds row by row, and the append-only logs only grow by valid records.
 */

const SECRET = 'support-records-import-secret-32-bytes!';
const FIXTURES = join(import.meta.dirname, '../fixtures/import/support');

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let dir: string;
let ministry: string;
let municipal: string;
let ownMunicipality: number;
/** A roadmap of the analyst's municipality (activities 1., 2., 3, 5, 5), one of its region, one of region 23. */
const roadmaps = { own: '', region: '', other: '' };

const upload = (kind: string, bytes: Uint8Array | string, name: string, token = municipal) =>
  uploadImport(server.url, kind, bytes, name, token);
const errorsOf = (answer: Awaited<ReturnType<typeof upload>>) =>
  answer.report.errors.map((e) => [e.line, e.column]);
const rows = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await db.query(text, params)).rows as T[];

async function roadmap(level: string, region: string, municipalityId: number | null, numbers: string[][]) {
  const [created] = await rows<{ id: string }>(
    `insert into roadmap (level, region_id, municipality_id, list_year, period_start, period_end)
     select $1, id, $3, 2026, '2026-09-01', '2027-08-31' from region where code = $2 returning id::text`,
    [level, region, municipalityId],
  );
  const id = created!.id;
  for (const [i, [number, report]] of numbers.entries()) {
    await db.query(
      `insert into activity (roadmap_id, ordinal, number, title, deadline_kind, requires_school_report)
       values ($1, $2, $3, $4, 'NO_DUE', $5)`,
      [id, i + 1, number, `Мероприятие ${number}`, report === 'report'],
    );
  }
  return id;
}

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  server = await startTestServerOn(fresh.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  dir = await mkdtemp(join(tmpdir(), 'shnor-support-records-'));
  const [own] = await rows<{ id: number }>(`select id from municipality where name = 'Пономаревский район'`);
  ownMunicipality = own!.id;
  ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'minister' });
  municipal = await mintToken(SECRET, {
    role: 'MUNICIPAL_ANALYST',
    municipality: ownMunicipality,
    sub: 'mun-ponomarevka',
  });
  roadmaps.own = await roadmap('MUNICIPALITY', '56', ownMunicipality, [
    ['1.', 'report'],
    ['2.', ''],
    ['3', 'report'],
    ['5', 'report'],
    ['5', 'report'],
  ]);
  roadmaps.region = await roadmap('REGION', '56', null, [['1.', 'report']]);
  const [other] = await rows<{ id: number }>(
    `select m.id from municipality m join region r on r.id = m.region_id where r.code = '23' order by m.id limit 1`,
  );
  roadmaps.other = await roadmap('MUNICIPALITY', '23', other!.id, [['1.', 'report']]);
});
afterAll(async () => {
  await server.close();
  await db.end();
  await fresh.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('orders', () => {
  const header = 'Номер;Дата;Издатель;Регион;Муниципалитет;Наименование;Номер основания;Дата основания';

  it('a good file: the municipality by name and by id, the basis as written; again unchanged; a new title updates', async () => {
    const file = `${header}
01-10/142-2;31.08.2026;Отдел образования;;Пономаревский район;Об утверждении дорожной карты;01-10/100;15.08.2026
01-10/150;2026-09-10;Отдел образования;56;${ownMunicipality};О рабочей группе;;
`;
    const first = await upload('orders', file, 'orders.csv');
    expect(first.report.errors).toEqual([]);
    expect(first.report).toMatchObject({ status: 'ACCEPTED', inserted: 2, updated: 0 });
    expect(
      await rows(
        `select number, date::text, issuer, municipality_id as m, title, basis_number, basis_date::text as basis_date
         from support_order order by number`,
      ),
    ).toEqual([
      {
        number: '01-10/142-2',
        date: '2026-08-31',
        issuer: 'Отдел образования',
        m: ownMunicipality,
        title: 'Об утверждении дорожной карты',
        basis_number: '01-10/100',
        basis_date: '2026-08-15',
      },
      {
        number: '01-10/150',
        date: '2026-09-10',
        issuer: 'Отдел образования',
        m: ownMunicipality,
        title: 'О рабочей группе',
        basis_number: null,
        basis_date: null,
      },
    ]);
    const again = await upload('orders', file, 'orders.csv');
    expect(again.report).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const retitled = await upload(
      'orders',
      file.replace('О рабочей группе', 'О составе рабочей группы'),
      'o.csv',
    );
    expect(retitled.report).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await rows(`select count(*)::int as n from support_order`)).toEqual([{ n: 2 }]);
  });

  it('a bad file is refused whole; a region’s order is outside a municipal analyst’s scope', async () => {
    const before = await tableFingerprint(db, 'support_order');
    const answer = await upload(
      'orders',
      `${header}
;31.08.2026;Отдел;;Пономаревский район;Без номера;;
02;31.02.2026;Отдел;;Пономаревский район;Плохая дата;;
03;01.09.2026;Министерство;56;;Приказ региона;;
04;01.09.2026;Отдел;;Пономаревский район;Основание без номера;;01.08.2026
05;01.09.2026;Отдел;;Пономаревский район;Первый;;
05;01.09.2026;Отдел;;Пономаревский район;Повтор;;
`,
      'orders-bad.csv',
    );
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)).toEqual([
      [2, 'Номер'],
      [3, 'Дата'],
      [4, 'Регион'],
      [5, 'Номер основания'],
      [7, 'Муниципалитет, Номер, Дата'],
    ]);
    expect(answer.report.errors[2]?.reason.en).toContain('outside your scope');
    expect(await tableFingerprint(db, 'support_order')).toBe(before);
  });
});

describe('events', () => {
  const header = 'Вид;Дата;Уровень;Муниципалитет;Код ОО;Тема;Кол-во участников;Школы';

  it('a good file: organisers of two levels, the schools reached; again unchanged; new schools replace the old', async () => {
    const file = `${header}
Семинар;15.10.2026;муниципальный;Пономаревский район;;Формирующее оценивание;24;sch560030, sch560031
открытый урок;20.10.2026;школьный;;sch560030;Смысловое чтение;12;sch560030
`;
    const first = await upload('events', file, 'events.csv');
    expect(first.report.errors).toEqual([]);
    expect(first.report).toMatchObject({ status: 'ACCEPTED', inserted: 2 });
    const stored = `select e.kind, e.date::text, e.level, e.municipality_id as m, o.code as organiser, e.participants,
        array(select s.code from support_event_school x join school s on s.id = x.school_id
              where x.event_id = e.id order by s.code) as schools
      from support_event e left join school o on o.id = e.school_id order by e.date`;
    expect(await rows(stored)).toEqual([
      {
        kind: 'SEMINAR',
        date: '2026-10-15',
        level: 'MUNICIPALITY',
        m: ownMunicipality,
        organiser: null,
        participants: 24,
        schools: ['sch560030', 'sch560031'],
      },
      {
        kind: 'OPEN_LESSON',
        date: '2026-10-20',
        level: 'SCHOOL',
        m: ownMunicipality,
        organiser: 'sch560030',
        participants: 12,
        schools: ['sch560030'],
      },
    ]);
    expect((await upload('events', file, 'events.csv')).report).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = await upload('events', file.replace('sch560030, sch560031', 'sch560032'), 'e2.csv');
    expect(changed.report).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await rows<{ schools: string[] }>(stored))[0]?.schools).toEqual(['sch560032']);
  });

  it('a bad file is refused whole: a school reached outside the scope, an unknown kind, participants below 0', async () => {
    const before = await tableFingerprint(db, 'support_event');
    const schoolsBefore = await tableFingerprint(db, 'support_event_school');
    const answer = await upload(
      'events',
      `${header}
семинар;15.11.2026;муниципальный;Пономаревский район;;Чужая школа;10;sch560030 sch560001
лекторий;15.11.2026;муниципальный;Пономаревский район;;Неизвестный вид;10;
вебинар;16.11.2026;региональный;Пономаревский район;;Отрицательное;-1;
вебинар;16.11.2026;региональный;;sch560001;Чужой организатор;5;
`,
      'events-bad.csv',
    );
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)).toEqual([
      [2, 'Школы'],
      [3, 'Вид'],
      [4, 'Кол-во участников'],
      [5, 'Код ОО'],
    ]);
    expect(answer.report.errors[0]?.value).toBe('sch560030 sch560001');
    expect(answer.report.errors[0]?.reason.en).toContain('sch560001');
    expect(await tableFingerprint(db, 'support_event')).toBe(before);
    expect(await tableFingerprint(db, 'support_event_school')).toBe(schoolsBefore);
  });

  it('answers 403 to a school', async () => {
    const school = await mintToken(SECRET, { role: 'SCHOOL', school: 'sch560030' });
    expect((await upload('events', `${header}\n`, 'x.csv', school)).status).toBe(403);
  });
});

describe('documents (the status log)', () => {
  it('a good file creates the documents with their records; again unchanged; the CLI continues the log', async () => {
    const first = await upload('documents', await readFile(join(FIXTURES, 'documents.csv')), 'docs.csv');
    expect(first.report.errors).toEqual([]);
    expect(first.report).toMatchObject({ status: 'ACCEPTED', rows: 5, inserted: 5, updated: 0 });
    const log = `select s.code, d.list_year, d.kind, d.risk_factor, d.file_url, r.date::text, r.status, r.comment, r.actor
      from document_status_record r join school_document d on d.id = r.document_id join school s on s.id = d.school_id
      order by d.id, r.date, r.seq`;
    const concept = { code: 'sch560030', list_year: 2026, kind: 'CONCEPT', risk_factor: null };
    const antiRisk = {
      code: 'sch560030',
      list_year: 2026,
      kind: 'ANTI_RISK_PROGRAMME',
      risk_factor: 3,
      file_url: null,
    };
    const link = 'https://school560030.example/concept.pdf';
    const actor = 'mun-ponomarevka';
    expect(await rows(log)).toEqual([
      { ...concept, file_url: link, date: '2026-10-01', status: 'DRAFT', comment: null, actor },
      { ...concept, file_url: link, date: '2026-10-05', status: 'SUBMITTED', comment: null, actor },
      { ...concept, file_url: link, date: '2026-10-12', status: 'APPROVED', comment: null, actor },
      { ...antiRisk, date: '2026-10-05', status: 'SUBMITTED', comment: null, actor },
      { ...antiRisk, date: '2026-10-08', status: 'RETURNED', comment: 'Нет мер по R3', actor },
    ]);
    const again = await upload('documents', await readFile(join(FIXTURES, 'documents.csv')), 'docs.csv');
    expect(again.report).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    const next = await importByCli(
      fresh.url,
      dir,
      'documents',
      'Код ОО;Год списка;Вид документа;Фактор риска;Наименование;Дата;Статус;Комментарий\n' +
        'sch560030;2026;Программа антирисковых мер;R3;Программа по R3;08.10.2026;на доработку;Нет мер по R3\n' +
        'sch560030;2026;Программа антирисковых мер;R3;Программа по R3;14.10.2026;представлен;\n',
      'docs-next.csv',
    );
    expect(next.output).toContain('добавлено / inserted 1');
    expect(next.code).toBe(0);
    expect((await rows<{ status: string; actor: string }>(log)).at(-1)).toMatchObject({
      status: 'SUBMITTED',
      actor: expect.stringMatching(/^cli:/),
    });
  });

  it('rows the stored log refuses: after APPROVED, before the last record, a first record APPROVED', async () => {
    const before = await tableFingerprint(db, 'document_status_record');
    const documents = await tableFingerprint(db, 'school_document');
    const answer = await upload(
      'documents',
      'Код ОО;Год списка;Вид документа;Фактор риска;Наименование;Дата;Статус;Комментарий\n' +
        'sch560030;2026;Концепция развития;;Концепция развития школы;20.10.2026;представлен;\n' +
        'sch560030;2026;антирисковая программа;3;Программа по R3;09.10.2026;согласован;\n' +
        'sch560031;2026;Концепция;;Новая концепция;10.10.2026;согласован;\n' +
        'sch560031;2026;Среднесрочная программа;;Программа;10.10.2026;черновик;\n',
      'docs-log.csv',
    );
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)).toEqual([
      [2, 'Статус'],
      [3, 'Дата'],
      [4, 'Статус'],
    ]);
    expect(answer.report.errors[0]?.reason.en).toContain('SUBMITTED cannot follow APPROVED');
    expect(answer.report.errors[1]?.reason.en).toContain('2026-10-14');
    expect(answer.report.errors[2]?.reason.en).toContain('cannot follow nothing');
    expect(await tableFingerprint(db, 'document_status_record')).toBe(before);
    expect(await tableFingerprint(db, 'school_document')).toBe(documents);
  });

  it('rows refused on their own: risk factors, a return without comment, a future date, a school outside the scope', async () => {
    const answer = await upload(
      'documents',
      'Код ОО;Год списка;Вид документа;Фактор риска;Наименование;Дата;Статус;Комментарий;Ссылка\n' +
        'sch560031;2026;антирисковая программа;;Без фактора;01.10.2026;черновик;;\n' +
        'sch560031;2026;концепция;R2;С фактором;01.10.2026;черновик;;\n' +
        'sch560031;2026;концепция;;Без комментария;01.10.2026;возвращен;;\n' +
        'sch560031;2026;концепция;;Будущее;01.10.2099;черновик;;\n' +
        'sch560001;2026;концепция;;Чужая;01.10.2026;черновик;;\n' +
        'sch560031;2026;концепция;;Ссылка;01.10.2026;черновик;;ftp://x\n',
      'docs-bad.csv',
    );
    expect(errorsOf(answer)).toEqual([
      [2, 'Фактор риска'],
      [3, 'Фактор риска'],
      [4, 'Комментарий'],
      [5, 'Дата'],
      [6, 'Код ОО'],
      [7, 'Ссылка'],
    ]);
  });
});

describe('activity statuses', () => {
  const header = 'Дорожная карта;№;Дата;Статус;Примечание;Ссылка';

  it('a good file: numbers as written or without the dot; records appended in file order; again unchanged', async () => {
    const file = `${header}
${roadmaps.own};1;01.10.2026;в работе;Начали;
${roadmaps.own};1.;20.11.2026;выполнено;Проведено совещание;https://edu.example/protocol-1.pdf
${roadmaps.own};2.;20.11.2026;запланировано;;
`;
    const first = await upload('activity-statuses', file, 'statuses.csv');
    expect(first.report.errors).toEqual([]);
    expect(first.report).toMatchObject({ status: 'ACCEPTED', inserted: 3 });
    const stored = `select a.number, r.date::text, r.status, r.note, r.evidence_url
      from activity_status_record r join activity a on a.id = r.activity_id order by r.seq`;
    const expected = [
      { number: '1.', date: '2026-10-01', status: 'IN_PROGRESS', note: 'Начали', evidence_url: null },
      {
        number: '1.',
        date: '2026-11-20',
        status: 'DONE',
        note: 'Проведено совещание',
        evidence_url: 'https://edu.example/protocol-1.pdf',
      },
      { number: '2.', date: '2026-11-20', status: 'PLANNED', note: null, evidence_url: null },
    ];
    expect(await rows(stored)).toEqual(expected);
    expect((await upload('activity-statuses', file, 's.csv')).report).toMatchObject({
      inserted: 0,
      unchanged: 3,
    });
    expect(await rows(stored)).toEqual(expected);
  });

  it('a bad file: unknown roadmap and number, a repeated number, another level’s roadmap, dates, a link', async () => {
    const before = await tableFingerprint(db, 'activity_status_record');
    const answer = await upload(
      'activity-statuses',
      `${header}
999999;1.;01.10.2026;в работе;;
${roadmaps.own};9;01.10.2026;в работе;;
${roadmaps.own};5;01.10.2026;в работе;;
${roadmaps.region};1.;01.10.2026;в работе;;
${roadmaps.own};3;01.10.2099;в работе;;
${roadmaps.own};3;01.01.2025;в работе;;
${roadmaps.own};3;01.10.2026;в работе;;javascript:alert(1)
${roadmaps.own};3;01.10.2026;отменено;;
`,
      'statuses-bad.csv',
    );
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)).toEqual([
      [2, 'Дорожная карта'],
      [3, '№'],
      [4, '№'],
      [5, 'Дорожная карта'],
      [6, 'Дата'],
      [7, 'Дата'],
      [8, 'Ссылка'],
      [9, 'Статус'],
    ]);
    expect(answer.report.errors[2]?.reason.en).toContain('repeats this number (2 activities)');
    expect(await tableFingerprint(db, 'activity_status_record')).toBe(before);
    // The ministry may write the region's roadmap and the other region's.
    const ministryAnswer = await upload(
      'activity-statuses',
      `${header}\n${roadmaps.region};1.;01.10.2026;в работе;;\n${roadmaps.other};1.;01.10.2026;в работе;;\n`,
      'm.csv',
      ministry,
    );
    expect(ministryAnswer.report).toMatchObject({ status: 'ACCEPTED', inserted: 2 });
  });
});

describe('activity reports', () => {
  const header = 'Дорожная карта;№;Код ОО;Дата;Статус;Что сделано;Ссылка';

  it('a good file of two schools; again unchanged; a later report is a new one', async () => {
    const file = `${header}
${roadmaps.own};1.;sch560030;25.11.2026;выполнено;Проведён педсовет;https://school560030.example/report
${roadmaps.own};3;sch560031;25.11.2026;не выполнено;;
`;
    const first = await upload('activity-reports', file, 'reports.csv');
    expect(first.report.errors).toEqual([]);
    expect(first.report).toMatchObject({ status: 'ACCEPTED', inserted: 2 });
    const stored = `select a.number, s.code, x.date::text, x.status, x.note, x.evidence_url
      from activity_report x join activity a on a.id = x.activity_id join school s on s.id = x.school_id order by x.seq`;
    expect(await rows(stored)).toEqual([
      {
        number: '1.',
        code: 'sch560030',
        date: '2026-11-25',
        status: 'DONE',
        note: 'Проведён педсовет',
        evidence_url: 'https://school560030.example/report',
      },
      {
        number: '3',
        code: 'sch560031',
        date: '2026-11-25',
        status: 'NOT_DONE',
        note: null,
        evidence_url: null,
      },
    ]);
    expect((await upload('activity-reports', file, 'r.csv')).report).toMatchObject({
      inserted: 0,
      unchanged: 2,
    });
    const later = await upload(
      'activity-reports',
      `${header}\n${roadmaps.own};3;sch560031;28.11.2026;в работе;;\n`,
      'r2.csv',
    );
    expect(later.report).toMatchObject({ inserted: 1 });
    expect(await rows(`select count(*)::int as n from activity_report`)).toEqual([{ n: 3 }]);
  });

  it('a bad file: no report required, a school outside the scope, a roadmap not of the school’s municipality', async () => {
    const before = await tableFingerprint(db, 'activity_report');
    const answer = await upload(
      'activity-reports',
      `${header}
${roadmaps.own};2.;sch560030;25.11.2026;выполнено;;
${roadmaps.own};1.;sch560001;25.11.2026;выполнено;;
${roadmaps.region};1.;sch560030;25.11.2026;выполнено;;
${roadmaps.own};1.;sch560030;25.11.2099;выполнено;;
`,
      'reports-bad.csv',
    );
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)).toEqual([
      [2, '№'],
      [3, 'Код ОО'],
      [4, 'Дорожная карта'],
      [5, 'Дата'],
    ]);
    expect(answer.report.errors[2]?.reason.en).toContain('not on a roadmap of the municipality');
    expect(await tableFingerprint(db, 'activity_report')).toBe(before);
  });
});
