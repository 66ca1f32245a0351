import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paramsHash } from '../../analytics/methodology/hash.js';
import { type DeadlineKind as ParsedDeadlineKind } from '../../analytics/support/deadlines.js';
import { SUPPORT_V1, SUPPORT_VERSION } from '../../analytics/support/params.js';
import { openDatabase, type Orm } from '../../schema/database.js';
import {
  Activity,
  ActivityReport,
  ActivityStatusRecord,
  Assignment,
  BestPractice,
  Diagnostic,
  DocumentStatusRecord,
  Measure,
  Mmc,
  MmcAttachment,
  Partnership,
  Roadmap,
  SchoolDocument,
  SupportEvent,
  SupportEventSchool,
  SupportOrder,
  SupportVersion,
  WorkingGroup,
  WorkingGroupMember,
} from '../../schema/entities/index.js';
import {
  ActivityRecordStatus,
  ActivityReportStatus,
  AssignmentKind,
  DeadlineKind,
  DiagnosticStage,
  DiagnosticSubject,
  DocumentStatus,
  EventKind,
  EventLevel,
  RoadmapLevel,
  SchoolDocumentKind,
  WorkingGroupRole,
} from '../../schema/enums.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';

/**
 * The support system's model (SUPPORT-V1 §1; Migration20261202032234SupportModel): valid rows of
 * every entity go in through the ORM, and every rule the tables keep refuses what §1 forbids —
 * tried by plain SQL, as a writer that forgot the rule would.
 */
let fresh: FreshDatabase;
let orm: Orm;
let db: pg.Pool;

/** The places of the test: two municipalities of region 56, one of region 57, schools in them. */
const place = { r56: 0, r57: 0, ponomarevka: 0, matveevka: 0, khotynets: 0, s1: 0, s2: 0, s3: 0, s57: 0 };

async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query(sql, params);
  return rows[0] as T;
}
const id = async (sql: string, params: unknown[] = []) =>
  Number((await one<{ id: unknown }>(sql, params)).id);

/** The statement fails with this SQLSTATE (and constraint, when given), and changes nothing. */
async function refused(sql: string, params: unknown[], code: string, constraint?: string): Promise<void> {
  const error = await db.query(sql, params).then(
    () => undefined,
    (e: unknown) => e as pg.DatabaseError,
  );
  expect(error, `${sql} ${JSON.stringify(params)} was accepted`).toBeDefined();
  expect({ code: error?.code, constraint: constraint && error?.constraint }).toEqual({
    code,
    constraint,
  });
}
const CHECK = '23514';
const UNIQUE = '23505';
const EXCLUSION = '23P01';
const APPEND_ONLY = '23001';

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'none' });
  orm = await openDatabase(fresh.url, 0, 2);
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
  place.r56 = await id(`insert into region (code, name) values ('56', 'Оренбургская область') returning id`);
  place.r57 = await id(`insert into region (code, name) values ('57', 'Орловская область') returning id`);
  const municipality = (region: number, name: string) =>
    id(`insert into municipality (region_id, name) values ($1, $2) returning id`, [region, name]);
  place.ponomarevka = await municipality(place.r56, 'Пономаревский район');
  place.matveevka = await municipality(place.r56, 'Матвеевский район');
  place.khotynets = await municipality(place.r57, 'Хотынецкий район');
  const school = (municipalityId: number, code: string, name: string) =>
    id(
      `insert into school (code, name, municipality_id, type, locality, students)
       values ($1, $2, $3, 'SOSH', 'VILLAGE', 120) returning id`,
      [code, name, municipalityId],
    );
  place.s1 = await school(place.ponomarevka, 'sch560001', 'МОБУ «Романовская СОШ»');
  place.s2 = await school(place.ponomarevka, 'sch560002', 'МОБУ «Пономаревская СОШ»');
  place.s3 = await school(place.matveevka, 'sch560003', 'МОБУ «Матвеевская СОШ»');
  place.s57 = await school(place.khotynets, 'sch570001', 'МБОУ-Богородицкая СОШ');
});
afterAll(async () => {
  await orm?.close(true);
  await db?.end();
  await fresh?.drop();
});

describe('support-v1, stored as data', () => {
  it('is in support_version with the parameters of analytics/support/params.ts and their hash', async () => {
    const row = await one<{ name: string; params: unknown; hash: string; created_by: string }>(
      `select name, params, hash, created_by from support_version where name = $1`,
      [SUPPORT_VERSION],
    );
    expect(row).toEqual({
      name: 'support-v1',
      params: JSON.parse(JSON.stringify(SUPPORT_V1)),
      hash: paramsHash(SUPPORT_V1),
      created_by: 'system',
    });
    const version = await orm.em.fork().findOneOrFail(SupportVersion, { name: SUPPORT_VERSION });
    expect(version.params).toEqual(SUPPORT_V1);
    expect(version.createdAt).toBeInstanceOf(Date);
  });
});

describe('the model through the ORM (Seed 001 and its kin)', () => {
  it('stores one of every entity and reads them back: dates as ISO strings, arrays, ids as strings', async () => {
    const em = orm.em.fork();
    const ministryOrder = em.create(SupportOrder, {
      number: '01-21/744',
      date: '2020-05-15',
      issuer: 'Министерство образования Оренбургской области',
      region: place.r56,
      title: 'Об утверждении плана мероприятий (дорожной карты) по оказанию методической помощи',
    });
    const order = em.create(SupportOrder, {
      number: '01-10/142-2',
      date: '2020-09-10',
      issuer: 'Отдел образования администрации Пономаревского района',
      region: place.r56,
      municipality: place.ponomarevka,
      title: 'Об утверждении плана мероприятий (дорожной карты)',
      basisOrder: ministryOrder,
    });
    const roadmap = em.create(Roadmap, {
      level: RoadmapLevel.MUNICIPALITY,
      region: place.r56,
      municipality: place.ponomarevka,
      listYear: 2020,
      periodStart: '2020-09-01',
      periodEnd: '2021-12-31',
      approvingOrder: order,
      sourceText: '№ п/п\tНаименование мероприятия\tСроки исполнения\tОтветственный исполнитель',
    });
    const activity = em.create(Activity, {
      roadmap,
      ordinal: 6,
      number: '6.',
      title: 'Закрепление базовых площадок',
      deadlineText: 'сентябрь 2020 года',
      deadlineKind: DeadlineKind.MONTHS,
      start: '2020-09-01',
      due: '2020-09-30',
      executorsText: 'Отдел образования МКУ «ЦМТО»',
      executors: ['Отдел образования', 'МКУ «ЦМТО»'],
      requiresSchoolReport: true,
    });
    const noDue = em.create(Activity, {
      roadmap,
      ordinal: 18,
      number: '18.',
      title: 'Курсы повышения квалификации',
      deadlineText: 'по отдельному плану',
      deadlineKind: DeadlineKind.NO_DUE,
    });
    em.create(ActivityStatusRecord, {
      activity,
      date: '2020-09-20',
      status: ActivityRecordStatus.DONE,
      evidenceUrl: 'https://ponomarevka.example.ru/prikaz-142.pdf',
    });
    const group = em.create(WorkingGroup, {
      name: 'Рабочая группа по оказанию методической помощи',
      region: place.r56,
      municipality: place.ponomarevka,
      order,
    });
    for (const [fullName, role] of [
      ['Бахмутов В.А.', WorkingGroupRole.CHAIR],
      ['Иванова Е.П.', WorkingGroupRole.DEPUTY_CHAIR],
      ['Петрова А.С.', WorkingGroupRole.DEPUTY_CHAIR],
      ['Сидорова О.Н.', WorkingGroupRole.SECRETARY],
      ['Кузнецов И.И.', WorkingGroupRole.MEMBER],
    ] as const) {
      em.create(WorkingGroupMember, { workingGroup: group, fullName, role, position: 'методист' });
    }
    em.create(WorkingGroupMember, { workingGroup: group, fullName: 'Орлова М.В.' });
    em.create(Assignment, {
      kind: AssignmentKind.COORDINATOR,
      personFullName: 'Иванова Е.П.',
      personKey: 'coordinator-ponomarevka',
      region: place.r56,
      municipality: place.ponomarevka,
      validFrom: '2020-09-10',
      order,
    });
    em.create(Assignment, {
      kind: AssignmentKind.CURATOR,
      personFullName: 'Петрова А.С.',
      personKey: 'curator-petrova',
      region: place.r56,
      municipality: place.ponomarevka,
      school: place.s1,
      validFrom: '2020-09-10',
      validTo: '2021-08-31',
      order,
    });
    const mmc = em.create(Mmc, {
      name: 'ММЦ г. Бугуруслан',
      region: place.r56,
      hostMunicipality: place.matveevka,
    });
    em.create(MmcAttachment, { mmc, municipality: place.ponomarevka, validFrom: '2020-01-01' });
    em.create(Partnership, {
      listedSchool: place.s1,
      partnerSchool: place.s2,
      basisOrder: order,
      validFrom: '2020-09-10',
    });
    const programme = em.create(SchoolDocument, {
      school: place.s1,
      listYear: 2020,
      kind: SchoolDocumentKind.ANTI_RISK_PROGRAMME,
      riskFactor: 2,
      title: 'Программа антирисковых мер по направлению «Дефицит кадров»',
      fileUrl: 'https://romanovka.example.ru/r2.pdf',
    });
    for (const [date, status, comment] of [
      ['2020-10-01', DocumentStatus.DRAFT, null],
      ['2020-10-05', DocumentStatus.SUBMITTED, null],
      ['2020-10-05', DocumentStatus.RETURNED, 'Нет сроков у мер 2 и 3'],
      ['2020-10-12', DocumentStatus.SUBMITTED, null],
      ['2020-10-15', DocumentStatus.APPROVED, null],
    ] as const) {
      em.create(DocumentStatusRecord, {
        document: programme,
        date,
        status,
        comment,
        actor: 'curator-petrova',
      });
    }
    em.create(Measure, {
      programme,
      title: 'Привлечение молодых специалистов',
      deadlineText: 'в течение учебного года',
      responsible: 'директор',
      targetIndicator: 'ST_VACANCY_RATE',
      targetValue: 0.05,
    });
    em.create(Measure, {
      programme,
      title: 'Наставничество',
      targetIndicator: 'DIAG_SHARE2_MA',
      targetValue: 0.1,
    });
    const event = em.create(SupportEvent, {
      kind: EventKind.SEMINAR,
      date: '2020-11-12',
      level: EventLevel.MUNICIPALITY,
      region: place.r56,
      municipality: place.ponomarevka,
      title: 'Формирующее оценивание на уроках математики',
      participants: 24,
    });
    em.create(SupportEventSchool, { event, school: place.s1 });
    em.create(SupportEventSchool, { event, school: place.s2 });
    em.create(Diagnostic, {
      school: place.s1,
      grade: 5,
      subject: DiagnosticSubject.MA,
      stage: DiagnosticStage.ENTRANCE,
      date: '2020-09-15',
      participants: 20,
      n2: 6,
      n3: 9,
      n4: 4,
      n5: 1,
    });
    em.create(ActivityReport, {
      activity,
      school: place.s1,
      date: '2020-09-28',
      status: ActivityReportStatus.DONE,
      note: 'Площадка закреплена',
      evidenceUrl: 'http://romanovka.example.ru/news/42',
    });
    em.create(ActivityReport, {
      activity: noDue,
      school: place.s1,
      date: '2020-09-28',
      status: ActivityReportStatus.NOT_DONE,
    });
    em.create(BestPractice, {
      title: 'Школьная система наставничества',
      school: place.s2,
      riskFactor: 5,
      text: 'Каждому молодому учителю — наставник из школы-партнёра.',
      tags: ['наставничество', 'кадры'],
      published: true,
    });
    await em.flush();

    const read = orm.em.fork();
    const stored = await read.findOneOrFail(Activity, { id: activity.id }, { populate: ['roadmap'] });
    expect(typeof stored.id).toBe('string');
    expect(stored).toMatchObject({
      ordinal: 6,
      number: '6.',
      deadlineKind: 'MONTHS',
      start: '2020-09-01',
      due: '2020-09-30',
      executors: ['Отдел образования', 'МКУ «ЦМТО»'],
      requiresSchoolReport: true,
      expectedResult: null,
    });
    expect(stored.roadmap).toMatchObject({
      periodStart: '2020-09-01',
      periodEnd: '2021-12-31',
      listYear: 2020,
    });
    expect(await read.findOneOrFail(Activity, { id: noDue.id })).toMatchObject({
      start: null,
      due: null,
      executors: [],
      executorsText: '',
      requiresSchoolReport: false,
    });
    const records = await read.find(
      DocumentStatusRecord,
      { document: programme.id },
      { orderBy: { seq: 'asc' } },
    );
    expect(records.map((r) => [r.date, r.status])).toEqual([
      ['2020-10-01', 'DRAFT'],
      ['2020-10-05', 'SUBMITTED'],
      ['2020-10-05', 'RETURNED'],
      ['2020-10-12', 'SUBMITTED'],
      ['2020-10-15', 'APPROVED'],
    ]);
    expect(records.every((r, i) => i === 0 || r.seq > records[i - 1]!.seq)).toBe(true);
    const counts = await one(
      `select (select count(*)::int from support_order) as orders,
              (select count(*)::int from working_group_member) as members,
              (select count(*)::int from support_event_school) as "eventSchools",
              (select count(*)::int from activity_report) as reports,
              (select role from working_group_member where full_name = 'Орлова М.В.') as "defaultRole",
              (select tags from best_practice) as tags,
              (select basis_order_id::text from support_order where number = '01-10/142-2') as basis`,
    );
    expect(counts).toEqual({
      orders: 2,
      members: 6,
      eventSchools: 2,
      reports: 2,
      defaultRole: 'MEMBER',
      tags: ['наставничество', 'кадры'],
      basis: ministryOrder.id,
    });
  });
});

describe('what §1 forbids, the tables refuse', () => {
  let group: number;
  let roadmap: number;
  let activity: number;
  let mmcA: number;
  let mmcB: number;

  beforeAll(async () => {
    group = await id(
      `insert into working_group (name, region_id, municipality_id) values ('РГ', $1, $2) returning id`,
      [place.r56, place.matveevka],
    );
    roadmap = await id(
      `insert into roadmap (level, region_id, municipality_id, list_year, period_start, period_end)
       values ('MUNICIPALITY', $1, $2, 2023, '2023-01-01', '2023-12-31') returning id`,
      [place.r56, place.matveevka],
    );
    activity = await id(
      `insert into activity (roadmap_id, ordinal, number, title, deadline_text, deadline_kind, start, due)
       values ($1, 1, '1.', 'Мониторинг', 'в течение года', 'PERIOD_YEAR', '2023-01-01', '2023-12-31') returning id`,
      [roadmap],
    );
    const mmc = (name: string) =>
      id(`insert into mmc (name, region_id, host_municipality_id) values ($1, $2, $3) returning id`, [
        name,
        place.r56,
        place.matveevka,
      ]);
    mmcA = await mmc('ММЦ г. Бугуруслан');
    mmcB = await mmc('ММЦ г. Бузулук');
  });

  it(`working group: one CHAIR (${SUPPORT_V1.model.chairsPerGroup}) and at most ${SUPPORT_V1.model.secretariesPerGroupMax} SECRETARY`, async () => {
    const member = `insert into working_group_member (working_group_id, full_name, role) values ($1, $2, $3)`;
    await db.query(member, [group, 'Председатель', 'CHAIR']);
    await db.query(member, [group, 'Секретарь', 'SECRETARY']);
    await db.query(member, [group, 'Заместитель 1', 'DEPUTY_CHAIR']);
    await db.query(member, [group, 'Заместитель 2', 'DEPUTY_CHAIR']);
    await db.query(member, [group, 'Член 1', 'MEMBER']);
    await db.query(member, [group, 'Член 2', 'MEMBER']);
    await refused(member, [group, 'Второй председатель', 'CHAIR'], UNIQUE, 'working_group_member_one_chair');
    await refused(
      member,
      [group, 'Второй секретарь', 'SECRETARY'],
      UNIQUE,
      'working_group_member_one_secretary',
    );
    // a member does not become a second chair either
    await refused(
      `update working_group_member set role = 'CHAIR' where working_group_id = $1 and full_name = 'Член 1'`,
      [group],
      UNIQUE,
      'working_group_member_one_chair',
    );
    await refused(member, [group, 'Гость', 'GUEST'], CHECK, 'working_group_member_role_check');
    // another group has a chair of its own
    const other = await id(
      `insert into working_group (name, region_id) values ('Региональная РГ', $1) returning id`,
      [place.r56],
    );
    await db.query(member, [other, 'Председатель региональной', 'CHAIR']);
  });

  it('partnership: a listed school is never its own partner; to ≥ from', async () => {
    const partnership = `insert into partnership (listed_school_id, partner_school_id, valid_from, valid_to) values ($1, $2, $3, $4)`;
    await refused(partnership, [place.s3, place.s3, '2023-01-01', null], CHECK, 'partnership_schools_check');
    await refused(
      partnership,
      [place.s3, place.s1, '2023-01-01', '2022-12-31'],
      CHECK,
      'partnership_period_check',
    );
    await db.query(partnership, [place.s3, place.s1, '2023-01-01', '2023-01-01']);
  });

  it('roadmap: periodStart ≤ periodEnd; the owner fits the level and lies in its region and municipality', async () => {
    const insert = `insert into roadmap (level, region_id, municipality_id, school_id, list_year, period_start, period_end)
                    values ($1, $2, $3, $4, 2023, $5, $6)`;
    await refused(
      insert,
      ['REGION', place.r56, null, null, '2023-09-01', '2023-08-31'],
      CHECK,
      'roadmap_period_check',
    );
    await db.query(insert, ['REGION', place.r56, null, null, '2023-09-01', '2023-09-01']);
    await refused(
      insert,
      ['REGION', place.r56, place.matveevka, null, '2023-01-01', '2023-12-31'],
      CHECK,
      'roadmap_owner_check',
    );
    await refused(
      insert,
      ['MUNICIPALITY', place.r56, null, null, '2023-01-01', '2023-12-31'],
      CHECK,
      'roadmap_owner_check',
    );
    await refused(
      insert,
      ['SCHOOL', place.r56, place.matveevka, null, '2023-01-01', '2023-12-31'],
      CHECK,
      'roadmap_owner_check',
    );
    await refused(
      insert,
      ['DISTRICT', place.r56, null, null, '2023-01-01', '2023-12-31'],
      CHECK,
      'roadmap_level_check',
    );
    // a municipality of another region, a school of another municipality
    await refused(
      insert,
      ['MUNICIPALITY', place.r56, place.khotynets, null, '2023-01-01', '2023-12-31'],
      CHECK,
      'roadmap_place_check',
    );
    await refused(
      insert,
      ['SCHOOL', place.r56, place.matveevka, place.s1, '2023-01-01', '2023-12-31'],
      CHECK,
      'roadmap_place_check',
    );
    await db.query(insert, ['SCHOOL', place.r56, place.ponomarevka, place.s1, '2023-01-01', '2023-12-31']);
    await refused(
      `update roadmap set region_id = $1 where id = $2`,
      [place.r57, roadmap],
      CHECK,
      'roadmap_place_check',
    );
  });

  it('orders, working groups, assignments, ММЦ and events keep their place in the registry', async () => {
    await refused(
      `insert into support_order (number, date, issuer, region_id, municipality_id, title)
       values ('515', '2023-12-08', 'Отдел образования', $1, $2, 'О мониторинге')`,
      [place.r56, place.khotynets],
      CHECK,
      'support_order_place_check',
    );
    await db.query(
      `insert into support_order (number, date, issuer, region_id, municipality_id, title)
       values ('515', '2023-12-08', 'Отдел образования', $1, $2, 'О мониторинге')`,
      [place.r57, place.khotynets],
    );
    await refused(
      `insert into support_order (number, date, issuer, region_id, title, basis_order_id, basis_number)
       values ('2', '2023-01-01', 'Отдел', $1, 'О', (select min(id) from support_order), '1')`,
      [place.r56],
      CHECK,
      'support_order_basis_check',
    );
    await refused(
      `insert into working_group (name, region_id, municipality_id) values ('РГ', $1, $2)`,
      [place.r57, place.matveevka],
      CHECK,
      'working_group_place_check',
    );
    await refused(
      `insert into mmc (name, region_id, host_municipality_id) values ('ММЦ', $1, $2)`,
      [place.r57, place.matveevka],
      CHECK,
      'mmc_place_check',
    );
    await refused(
      `insert into support_event (kind, date, level, region_id, municipality_id, school_id, title)
       values ('WEBINAR', '2023-03-01', 'SCHOOL', $1, $2, $3, 'Открытый урок')`,
      [place.r56, place.matveevka, place.s1],
      CHECK,
      'support_event_place_check',
    );
    await refused(
      `insert into support_event (kind, date, level, region_id, title, participants)
       values ('WEBINAR', '2023-03-01', 'FEDERAL', $1, 'Вебинар', -1)`,
      [place.r56],
      CHECK,
      'support_event_participants_check',
    );
    await db.query(
      `insert into support_event (kind, date, level, region_id, title, participants)
       values ('WEBINAR', '2023-03-01', 'FEDERAL', $1, 'Вебинар', $2)`,
      [place.r56, SUPPORT_V1.model.eventMinParticipants],
    );
    const assignment = `insert into assignment (kind, person_full_name, person_key, region_id, municipality_id, school_id, valid_from, valid_to)
                        values ($1, 'Куратор', 'curator-x', $2, $3, $4, $5, $6)`;
    await refused(
      assignment,
      ['CURATOR', place.r56, place.matveevka, null, '2023-01-01', null],
      CHECK,
      'assignment_target_check',
    );
    await refused(
      assignment,
      ['COORDINATOR', place.r56, place.matveevka, place.s3, '2023-01-01', null],
      CHECK,
      'assignment_target_check',
    );
    await refused(
      assignment,
      ['CURATOR', place.r56, place.matveevka, place.s3, '2023-01-02', '2023-01-01'],
      CHECK,
      'assignment_period_check',
    );
    await refused(
      assignment,
      ['CURATOR', place.r56, place.matveevka, place.s1, '2023-01-01', null],
      CHECK,
      'assignment_place_check',
    );
    await db.query(assignment, ['CURATOR', place.r56, place.matveevka, place.s3, '2023-01-01', '2023-01-01']);
  });

  it(`diagnostics: grade ${SUPPORT_V1.model.diagnosticGradeMin}–${SUPPORT_V1.model.diagnosticGradeMax}, RU or MA, N ≥ ${SUPPORT_V1.model.diagnosticMinN}, n2..n5 summing to N, one row per key`, async () => {
    const insert = `insert into diagnostic (school_id, grade, subject, stage, date, participants, n2, n3, n4, n5)
                    values ($1, $2, $3, $4, '2023-10-01', $5, $6, $7, $8, $9)`;
    const row = (grade: number, subject: string, stage: string, n: number, marks: number[]) => [
      place.s3,
      grade,
      subject,
      stage,
      n,
      ...marks,
    ];
    await refused(insert, row(5, 'RU', 'ENTRANCE', 20, [5, 5, 5, 4]), CHECK, 'diagnostic_marks_sum_check');
    await refused(insert, row(5, 'RU', 'ENTRANCE', 0, [0, 0, 0, 0]), CHECK, 'diagnostic_participants_check');
    await refused(insert, row(5, 'RU', 'ENTRANCE', 20, [-1, 11, 5, 5]), CHECK, 'diagnostic_marks_check');
    await refused(
      insert,
      row(SUPPORT_V1.model.diagnosticGradeMax + 1, 'RU', 'ENTRANCE', 20, [5, 5, 5, 5]),
      CHECK,
      'diagnostic_grade_check',
    );
    await refused(
      insert,
      row(SUPPORT_V1.model.diagnosticGradeMin - 1, 'RU', 'ENTRANCE', 20, [5, 5, 5, 5]),
      CHECK,
      'diagnostic_grade_check',
    );
    await refused(insert, row(5, 'MAA', 'ENTRANCE', 20, [5, 5, 5, 5]), CHECK, 'diagnostic_subject_check');
    await refused(insert, row(5, 'RU', 'MIDTERM', 20, [5, 5, 5, 5]), CHECK, 'diagnostic_stage_check');
    await db.query(
      insert,
      row(
        SUPPORT_V1.model.diagnosticGradeMin,
        'RU',
        'ENTRANCE',
        SUPPORT_V1.model.diagnosticMinN,
        [1, 0, 0, 0],
      ),
    );
    await db.query(insert, row(SUPPORT_V1.model.diagnosticGradeMax, 'MA', 'FINAL', 20, [5, 5, 5, 5]));
    await refused(
      insert,
      row(SUPPORT_V1.model.diagnosticGradeMax, 'MA', 'FINAL', 20, [2, 8, 5, 5]),
      UNIQUE,
      'diagnostic_school_id_grade_subject_stage_date_unique',
    );
  });

  it(`evidence links are ${SUPPORT_V1.model.evidenceUrlSchemes.join(' or ')} URLs`, async () => {
    const report = `insert into activity_report (activity_id, school_id, date, status, evidence_url) values ($1, $2, '2023-05-01', 'DONE', $3)`;
    const record = `insert into activity_status_record (activity_id, date, status, evidence_url) values ($1, '2023-05-01', 'IN_PROGRESS', $2)`;
    for (const url of [
      'ftp://school.example/report.pdf',
      'javascript:alert(1)',
      'school.example/report',
      'https://',
      'http:// x',
      'файл.docx',
    ]) {
      await refused(report, [activity, place.s3, url], CHECK, 'activity_report_evidence_url_check');
      await refused(record, [activity, url], CHECK, 'activity_status_record_evidence_url_check');
    }
    for (const url of [
      'https://school.example/report.pdf',
      'HTTP://SCHOOL.EXAMPLE',
      'http://школа.рф/отчёт?id=1#p2',
      null,
    ]) {
      await db.query(report, [activity, place.s3, url]);
      await db.query(record, [activity, url]);
    }
    await refused(
      report.replace(`'DONE'`, `'PLANNED'`),
      [activity, place.s3, null],
      CHECK,
      'activity_report_status_check',
    );
    await refused(
      record.replace(`'IN_PROGRESS'`, `'OVERDUE'`),
      [activity, null],
      CHECK,
      'activity_status_record_status_check',
    );
  });

  it('school documents: a risk factor R1..R10 for an ANTI_RISK_PROGRAMME, and for it only', async () => {
    const insert = `insert into school_document (school_id, list_year, kind, risk_factor, title) values ($1, 2023, $2, $3, 'Документ')`;
    await refused(
      insert,
      [place.s3, 'ANTI_RISK_PROGRAMME', null],
      CHECK,
      'school_document_risk_factor_check',
    );
    await refused(insert, [place.s3, 'CONCEPT', 3], CHECK, 'school_document_risk_factor_check');
    await refused(insert, [place.s3, 'ANTI_RISK_PROGRAMME', 0], CHECK, 'school_document_risk_factor_check');
    await refused(insert, [place.s3, 'ANTI_RISK_PROGRAMME', 11], CHECK, 'school_document_risk_factor_check');
    await refused(insert, [place.s3, 'ROADMAP', null], CHECK, 'school_document_kind_check');
    for (const kind of Object.values(SchoolDocumentKind).filter(
      (k) => k !== SchoolDocumentKind.ANTI_RISK_PROGRAMME,
    ))
      await db.query(insert, [place.s3, kind, null]);
    await db.query(insert, [place.s3, 'ANTI_RISK_PROGRAMME', 1]);
    const programme = await id(
      `insert into school_document (school_id, list_year, kind, risk_factor, title) values ($1, 2023, 'ANTI_RISK_PROGRAMME', 10, 'R10') returning id`,
      [place.s3],
    );
    // a return always says why
    const status = `insert into document_status_record (document_id, date, status, comment, actor) values ($1, '2023-10-01', $2, $3, 'mun-12')`;
    await refused(status, [programme, 'RETURNED', null], CHECK, 'document_status_record_comment_check');
    await refused(status, [programme, 'RETURNED', '  '], CHECK, 'document_status_record_comment_check');
    await db.query(status, [programme, 'RETURNED', 'Нет целевых показателей']);
    // a measure aims at a §4 indicator or a diagnostic share, with a value, or at nothing
    const measure = `insert into measure (document_id, title, target_indicator, target_value) values ($1, 'Мера', $2, $3)`;
    await refused(measure, [programme, 'OV_SHARE', null], CHECK, 'measure_target_check');
    await refused(measure, [programme, null, 0.1], CHECK, 'measure_target_check');
    await refused(measure, [programme, 'CTX_OVZ_SHARE', 0.1], CHECK, 'measure_target_check');
    await refused(measure, [programme, 'DIAG_SHARE2_EN', 0.1], CHECK, 'measure_target_check');
    await db.query(measure, [programme, 'OV_SHARE', 0.1]);
    await db.query(measure, [programme, 'SR_VPR_LOW', 0.1]);
    await db.query(measure, [programme, 'DIAG_SHARE2_RU', 0.2]);
    await db.query(measure, [programme, null, null]);
    await refused(
      `insert into best_practice (title, school_id, risk_factor, text) values ('Практика', $1, 0, 'Текст')`,
      [place.s3],
      CHECK,
      'best_practice_risk_factor_check',
    );
  });

  it('activities: NO_DUE and UNPARSED have neither start nor due, every other kind both', async () => {
    const insert = `insert into activity (roadmap_id, ordinal, number, title, deadline_kind, start, due) values ($1, $2, '2.', 'Мероприятие', $3, $4, $5)`;
    await refused(insert, [roadmap, 2, 'NO_DUE', '2023-01-01', '2023-12-31'], CHECK, 'activity_dates_check');
    await refused(insert, [roadmap, 2, 'UNPARSED', null, '2023-12-31'], CHECK, 'activity_dates_check');
    await refused(insert, [roadmap, 2, 'MONTHS', null, null], CHECK, 'activity_dates_check');
    await refused(insert, [roadmap, 2, 'MONTHS', '2023-03-01', null], CHECK, 'activity_dates_check');
    await refused(
      insert,
      [roadmap, 2, 'SOMETIME', '2023-01-01', '2023-12-31'],
      CHECK,
      'activity_deadline_kind_check',
    );
    await refused(insert, [roadmap, 0, 'NO_DUE', null, null], CHECK, 'activity_ordinal_check');
    await refused(insert, [roadmap, 1, 'NO_DUE', null, null], UNIQUE, 'activity_roadmap_id_ordinal_unique');
    await db.query(insert, [roadmap, 2, 'UNPARSED', null, null]);
    // «до 01.02.2023» in a period from 2023-03-01: start (periodStart) after due is kept (DUE_OUTSIDE_PERIOD)
    await db.query(insert, [roadmap, 3, 'DATE', '2023-03-01', '2023-02-01']);
  });

  it(`at most ${SUPPORT_V1.model.mmcPerMunicipalityMax} ММЦ per municipality on a date (both ends included; an open end runs on)`, async () => {
    const attach = `insert into mmc_attachment (mmc_id, municipality_id, valid_from, valid_to) values ($1, $2, $3, $4)`;
    await db.query(attach, [mmcA, place.matveevka, '2020-01-01', '2020-12-31']);
    await refused(attach, [mmcB, place.matveevka, '2020-12-31', null], EXCLUSION, 'mmc_attachment_one_mmc');
    await refused(
      attach,
      [mmcB, place.matveevka, '2020-06-01', '2020-06-30'],
      EXCLUSION,
      'mmc_attachment_one_mmc',
    );
    await refused(
      attach,
      [mmcA, place.matveevka, '2019-01-01', '2020-01-01'],
      EXCLUSION,
      'mmc_attachment_one_mmc',
    );
    await refused(
      attach,
      [mmcB, place.matveevka, '2021-01-02', '2021-01-01'],
      CHECK,
      'mmc_attachment_period_check',
    );
    await db.query(attach, [mmcB, place.matveevka, '2021-01-01', null]);
    await refused(
      attach,
      [mmcA, place.matveevka, '2030-01-01', '2030-12-31'],
      EXCLUSION,
      'mmc_attachment_one_mmc',
    );
    // moving an attachment onto another's dates is refused as well
    await refused(
      `update mmc_attachment set valid_to = '2021-06-30' where mmc_id = $1 and municipality_id = $2`,
      [mmcA, place.matveevka],
      EXCLUSION,
      'mmc_attachment_one_mmc',
    );
    // another municipality, the same dates: fine
    const buguruslan = await id(
      `insert into municipality (region_id, name) values ($1, 'Бугурусланский район') returning id`,
      [place.r56],
    );
    await db.query(attach, [mmcB, buguruslan, '2020-06-01', null]);
  });

  it('records and reports are append-only: UPDATE and DELETE are refused, rows stay as written', async () => {
    const document = await id(
      `insert into school_document (school_id, list_year, kind, title) values ($1, 2024, 'CONCEPT', 'Концепция') returning id`,
      [place.s3],
    );
    await db.query(
      `insert into document_status_record (document_id, date, status, actor) values ($1, '2024-01-10', 'SUBMITTED', 'sch560003')`,
      [document],
    );
    await db.query(
      `insert into activity_status_record (activity_id, date, status) values ($1, '2024-01-10', 'DONE')`,
      [activity],
    );
    await db.query(
      `insert into activity_report (activity_id, school_id, date, status) values ($1, $2, '2024-01-10', 'DONE')`,
      [activity, place.s3],
    );
    const before = await one(
      `select (select jsonb_agg(r order by seq) from activity_status_record r) as a,
              (select jsonb_agg(r order by seq) from document_status_record r) as d,
              (select jsonb_agg(r order by seq) from activity_report r) as r`,
    );
    for (const table of ['activity_status_record', 'document_status_record', 'activity_report']) {
      await refused(`update ${table} set date = date + 1`, [], APPEND_ONLY);
      await refused(
        `update ${table} set status = 'DONE' where seq = (select max(seq) from ${table})`,
        [],
        APPEND_ONLY,
      );
      await refused(`delete from ${table}`, [], APPEND_ONLY);
      await expect(
        db.query(`delete from ${table} where seq = (select min(seq) from ${table})`),
      ).rejects.toThrow(`${table} is append-only: DELETE refused`);
    }
    // nor does a cascade from the activity, the document or the school take them away
    await refused(`delete from activity where id = $1`, [activity], APPEND_ONLY);
    await refused(`delete from school_document where id = $1`, [document], APPEND_ONLY);
    await refused(`delete from school where id = $1`, [place.s3], APPEND_ONLY);
    const after = await one(
      `select (select jsonb_agg(r order by seq) from activity_status_record r) as a,
              (select jsonb_agg(r order by seq) from document_status_record r) as d,
              (select jsonb_agg(r order by seq) from activity_report r) as r`,
    );
    expect(after).toEqual(before);
    // the records of one date are ordered by seq, the insertion counter
    const { rows } = await db.query<{ seq: string }>(
      `insert into activity_status_record (activity_id, date, status)
       values ($1, '2024-02-01', 'IN_PROGRESS'), ($1, '2024-02-01', 'DONE') returning seq`,
      [activity],
    );
    expect(Number(rows[1]!.seq)).toBeGreaterThan(Number(rows[0]!.seq));
  });
});

describe('the codes of schema/enums.ts', () => {
  it('are those of analytics/support', () => {
    // DeadlineKind: the same values as the union the deadline reader returns (checked by tsc)
    const same: `${DeadlineKind}` extends ParsedDeadlineKind
      ? ParsedDeadlineKind extends `${DeadlineKind}`
        ? true
        : false
      : false = true;
    expect(same).toBe(true);
    expect(Object.values(DiagnosticSubject)).toEqual(
      expect.arrayContaining(SUPPORT_V1.monitoring.diagSubjects),
    );
    expect(Object.values(DiagnosticStage)).toEqual(expect.arrayContaining(SUPPORT_V1.monitoring.diagStages));
    expect(Object.values(SchoolDocumentKind)).toEqual(
      expect.arrayContaining(SUPPORT_V1.monitoring.requiredDocuments),
    );
  });
});
