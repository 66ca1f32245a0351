import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { slowestLightAnswerDuring } from '../support/attack.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * The school's work (issue 12 items 2 and 7, SUPPORT-V1 §1) over real HTTP, on a database of this
 * file's own (demo seed): the document workflow DRAFT → SUBMITTED → RETURNED → SUBMITTED → APPROVED
 * between a school and the curator assigned to it today (assignments inserted by SQL), who may
 * not, and which moves are illegal; records append-only (checked row by row in SQL); measures,
 * diagnostics, activity reports (roadmaps and activities inserted by SQL) and the best-practice
 * search, its expected hits written by hand and recomputed by the rule in JS.
 */
const SECRET = 'support-school-work-secret-of-32-bytes+';
let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;

/** Two schools of one municipality (A, B), one school of another municipality of the region (C). */
const place = {
  regionId: 0,
  m1: 0,
  m2: 0,
  a: { id: 0, code: '' },
  b: { id: 0, code: '' },
  c: { id: 0, code: '' },
  today: '',
  yesterday: '',
  tomorrow: '',
};

type Token = string | undefined;
const tokens: Record<string, Token> = {};

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: {
    message: string;
    extensions?: { code?: string; argument?: string; action?: string; status?: string; reason?: string };
  }[];
}

async function ask(token: Token, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

function ok<T = Record<string, unknown>>(answer: Answer): T {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data as T;
}

/** The answer is one error with this code and these extensions. */
function refused(answer: Answer, code: string, extensions: Record<string, unknown> = {}): string {
  expect(answer.errors, JSON.stringify(answer)).toHaveLength(1);
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code, ...extensions });
  return answer.errors?.[0]?.message ?? '';
}

async function rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(text, params)).rows as T[];
}

const DOCUMENT = `id status statusDate schoolCode listYear kind riskFactor title fileUrl
  records { seq date status comment actor } measures { id title deadlineText responsible targetIndicator targetValue }`;

interface DocumentView {
  id: string;
  status: string;
  records: { seq: string; date: string; status: string; comment: string | null; actor: string }[];
  measures: { id: string; title: string; targetIndicator: string | null; targetValue: number | null }[];
}

const CREATE = `mutation ($input: CreateSchoolDocumentInput!) { createSchoolDocument(input: $input) { ${DOCUMENT} } }`;
const SUBMIT = `mutation ($id: ID!) { submitSchoolDocument(id: $id) { ${DOCUMENT} } }`;
const APPROVE = `mutation ($id: ID!, $comment: String) { approveSchoolDocument(id: $id, comment: $comment) { ${DOCUMENT} } }`;
const RETURN = `mutation ($id: ID!, $comment: String!) { returnSchoolDocument(id: $id, comment: $comment) { ${DOCUMENT} } }`;

/** Every status record of a document as stored, oldest first. */
const recordsOf = (id: string) =>
  rows<{
    seq: string;
    date: string;
    status: string;
    comment: string | null;
    actor: string;
    created_at: Date;
  }>(
    `select seq::text, date::text, status, comment, actor, created_at from document_status_record
     where document_id = $1 order by document_status_record.seq`,
    [id],
  );

beforeAll(async () => {
  fresh = await createFreshDatabase();
  db = new pg.Pool({ connectionString: fresh.url, max: 3 });
  server = await startTestServerOn(fresh.url, {
    AUTH_DEV_MODE: '0',
    AUTH_JWT_SECRET: SECRET,
    PUBLIC_ACCESS: '1',
  });
  // A municipality of region 56 with two schools, and another municipality of the region.
  const [m1] = await rows<{ id: number; region_id: number }>(
    `select m.id, m.region_id from municipality m join region g on g.id = m.region_id
     where g.code = '56' and (select count(*) from school s where s.municipality_id = m.id) >= 2
     order by m.id limit 1`,
  );
  place.m1 = m1!.id;
  place.regionId = m1!.region_id;
  const [a, b] = await rows<{ id: number; code: string }>(
    `select id, code from school where municipality_id = $1 order by code limit 2`,
    [place.m1],
  );
  place.a = a!;
  place.b = b!;
  const [c] = await rows<{ id: number; code: string; municipality_id: number }>(
    `select s.id, s.code, s.municipality_id from school s join municipality m on m.id = s.municipality_id
     where m.region_id = $1 and m.id <> $2 order by s.code limit 1`,
    [place.regionId, place.m1],
  );
  place.c = { id: c!.id, code: c!.code };
  place.m2 = c!.municipality_id;
  const [dates] = await rows<{ today: string; yesterday: string; tomorrow: string }>(
    `select d::text as today, (d - 1)::text as yesterday, (d + 1)::text as tomorrow
     from (select (now() at time zone time_zone)::date as d from region where id = $1) x`,
    [place.regionId],
  );
  Object.assign(place, dates);

  // Curators: of A from ten days ago, open; of B, open; of A until yesterday.
  const curator = (person: string, school: number, from: string, to: string | null) =>
    db.query(
      `insert into assignment (kind, person_full_name, person_key, region_id, municipality_id, school_id, valid_from, valid_to)
       values ('CURATOR', $1, $1, $2, $3, $4, $5, $6)`,
      [person, place.regionId, place.m1, school, from, to],
    );
  await curator('curator-a', place.a.id, '2020-01-01', null);
  await curator('curator-b', place.b.id, '2020-01-01', null);
  await curator('curator-ended', place.a.id, '2020-01-01', place.yesterday);

  tokens.schoolA = await mintToken(SECRET, { role: 'SCHOOL', school: place.a.code, sub: 'school-a' });
  tokens.schoolB = await mintToken(SECRET, { role: 'SCHOOL', school: place.b.code, sub: 'school-b' });
  tokens.schoolC = await mintToken(SECRET, { role: 'SCHOOL', school: place.c.code, sub: 'school-c' });
  tokens.curatorA = await mintToken(SECRET, { role: 'CURATOR', person: 'curator-a', sub: 'curator-a' });
  tokens.curatorB = await mintToken(SECRET, { role: 'CURATOR', person: 'curator-b', sub: 'curator-b' });
  tokens.curatorEnded = await mintToken(SECRET, {
    role: 'CURATOR',
    person: 'curator-ended',
    sub: 'curator-ended',
  });
  tokens.m1 = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: place.m1, sub: 'mun-1' });
  tokens.m2 = await mintToken(SECRET, { role: 'MUNICIPAL_ANALYST', municipality: place.m2, sub: 'mun-2' });
  tokens.region = await mintToken(SECRET, { role: 'REGION_ANALYST', region: '56', sub: 'region-56' });
  tokens.ministry = await mintToken(SECRET, { role: 'MINISTRY', sub: 'ministry' });
  tokens.public = undefined;
});

afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

describe('school documents: the §1 workflow', () => {
  let programme = '';

  it('the school writes its own document as DRAFT, the actor stored; others may not', async () => {
    const input = {
      schoolCode: place.a.code,
      listYear: 2026,
      kind: 'ANTI_RISK_PROGRAMME',
      riskFactor: 3,
      title: 'Антирисковая программа «Низкая учебная мотивация»',
      fileUrl: 'https://school.example/arp-r3.pdf',
    };
    const created = ok<{ createSchoolDocument: DocumentView }>(
      await ask(tokens.schoolA, CREATE, { input }),
    ).createSchoolDocument;
    programme = created.id;
    expect(created).toMatchObject({
      status: 'DRAFT',
      statusDate: place.today,
      schoolCode: place.a.code,
      kind: 'ANTI_RISK_PROGRAMME',
      riskFactor: 3,
      measures: [],
    });
    expect(created.records).toEqual([
      { seq: expect.any(String), date: place.today, status: 'DRAFT', comment: null, actor: 'school-a' },
    ]);
    const [audit] = await rows(
      `select actor, role, action, target from audit_log where action = 'createSchoolDocument' order by id desc limit 1`,
    );
    expect(audit).toEqual({
      actor: 'school-a',
      role: 'SCHOOL',
      action: 'createSchoolDocument',
      target: `school:${place.a.code}`,
    });

    // another school, a curator, a municipality: not the school's writer
    const message = refused(await ask(tokens.schoolB, CREATE, { input }), 'FORBIDDEN', {
      action: 'support.schoolWork',
    });
    expect(message).toBe('A school writes its own documents, measures, reports and best practices only');
    refused(await ask(tokens.curatorA, CREATE, { input }), 'FORBIDDEN', { action: 'support.schoolWork' });
    refused(await ask(tokens.m1, CREATE, { input }), 'FORBIDDEN', { action: 'support.schoolWork' });
    // the risk factor belongs to an ANTI_RISK_PROGRAMME, and to it only
    refused(await ask(tokens.schoolA, CREATE, { input: { ...input, riskFactor: null } }), 'BAD_USER_INPUT', {
      argument: 'input.riskFactor',
    });
    refused(await ask(tokens.schoolA, CREATE, { input: { ...input, kind: 'CONCEPT' } }), 'BAD_USER_INPUT', {
      argument: 'input.riskFactor',
    });
    refused(await ask(tokens.schoolA, CREATE, { input: { ...input, riskFactor: 11 } }), 'BAD_USER_INPUT', {
      argument: 'input.riskFactor',
    });
    refused(
      await ask(tokens.schoolA, CREATE, { input: { ...input, fileUrl: 'javascript:alert(1)' } }),
      'BAD_USER_INPUT',
      { argument: 'input.fileUrl' },
    );
    refused(
      await ask(tokens.schoolA, CREATE, { input: { ...input, schoolCode: 'sch000000' } }),
      'BAD_USER_INPUT',
      { argument: 'input.schoolCode' },
    );
    expect(
      await rows(`select count(*)::int as n from school_document where school_id = $1`, [place.a.id]),
    ).toEqual([{ n: 1 }]);
  });

  it('SCHOOL submits → CURATOR returns with a comment → SCHOOL resubmits → CURATOR approves; illegal moves are BAD_USER_INPUT on id', async () => {
    const id = programme;
    const history: Awaited<ReturnType<typeof recordsOf>>[] = [await recordsOf(id)];
    /** After each move: the earlier records unchanged, one record more. */
    const appended = async (status: string, actor: string, comment: string | null) => {
      const now = await recordsOf(id);
      const before = history.at(-1)!;
      expect(now.slice(0, before.length)).toEqual(before);
      expect(now).toHaveLength(before.length + 1);
      expect(now.at(-1)).toMatchObject({ status, actor, comment, date: place.today });
      expect(Number(now.at(-1)!.seq)).toBeGreaterThan(Number(before.at(-1)!.seq));
      history.push(now);
    };

    // a DRAFT cannot be approved or returned
    expect(
      refused(await ask(tokens.curatorA, APPROVE, { id }), 'BAD_USER_INPUT', {
        argument: 'id',
        status: 'DRAFT',
      }),
    ).toContain('is DRAFT');
    refused(await ask(tokens.curatorA, RETURN, { id, comment: 'Доработать' }), 'BAD_USER_INPUT', {
      argument: 'id',
      status: 'DRAFT',
    });
    // another school may not submit it
    refused(await ask(tokens.schoolB, SUBMIT, { id }), 'FORBIDDEN', { action: 'support.schoolWork' });
    expect(await recordsOf(id)).toEqual(history.at(-1));

    const submitted = ok<{ submitSchoolDocument: DocumentView }>(await ask(tokens.schoolA, SUBMIT, { id }));
    expect(submitted.submitSchoolDocument.status).toBe('SUBMITTED');
    await appended('SUBMITTED', 'school-a', null);
    refused(await ask(tokens.schoolA, SUBMIT, { id }), 'BAD_USER_INPUT', {
      argument: 'id',
      status: 'SUBMITTED',
    });

    // who may not review it: a curator of another school, a curator whose assignment ended
    // yesterday, the analyst of another municipality, the region, the school itself
    const outsiders = [tokens.curatorB, tokens.curatorEnded, tokens.m2, tokens.region, tokens.schoolA];
    for (const token of outsiders) {
      refused(await ask(token, APPROVE, { id }), 'FORBIDDEN', { action: 'support.review' });
      refused(await ask(token, RETURN, { id, comment: 'Нет' }), 'FORBIDDEN', { action: 'support.review' });
    }
    expect(refused(await ask(tokens.curatorB, APPROVE, { id }), 'FORBIDDEN')).toBe(
      'Only a curator assigned to this school today, or its municipality, may review its documents',
    );
    refused(await ask(tokens.public, APPROVE, { id }), 'FORBIDDEN', { action: 'support.review' });
    expect(await recordsOf(id)).toEqual(history.at(-1));

    // a return needs a comment
    refused(await ask(tokens.curatorA, RETURN, { id, comment: '   ' }), 'BAD_USER_INPUT', {
      argument: 'comment',
    });
    const returned = ok<{ returnSchoolDocument: DocumentView }>(
      await ask(tokens.curatorA, RETURN, { id, comment: 'Уточните целевые показатели' }),
    ).returnSchoolDocument;
    expect(returned.status).toBe('RETURNED');
    await appended('RETURNED', 'curator-a', 'Уточните целевые показатели');
    refused(await ask(tokens.curatorA, APPROVE, { id }), 'BAD_USER_INPUT', {
      argument: 'id',
      status: 'RETURNED',
    });
    refused(await ask(tokens.curatorA, RETURN, { id, comment: 'Ещё раз' }), 'BAD_USER_INPUT', {
      argument: 'id',
      status: 'RETURNED',
    });

    ok(await ask(tokens.schoolA, SUBMIT, { id }));
    await appended('SUBMITTED', 'school-a', null);

    const approved = ok<{ approveSchoolDocument: DocumentView }>(
      await ask(tokens.curatorA, APPROVE, { id, comment: 'Согласовано' }),
    ).approveSchoolDocument;
    expect(approved.status).toBe('APPROVED');
    expect(approved.records.map((r) => r.status)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'RETURNED',
      'SUBMITTED',
      'APPROVED',
    ]);
    await appended('APPROVED', 'curator-a', 'Согласовано');

    // APPROVED is final: every move is refused, naming the status
    refused(await ask(tokens.schoolA, SUBMIT, { id }), 'BAD_USER_INPUT', {
      argument: 'id',
      status: 'APPROVED',
    });
    refused(await ask(tokens.curatorA, APPROVE, { id }), 'BAD_USER_INPUT', {
      argument: 'id',
      status: 'APPROVED',
    });
    refused(await ask(tokens.m1, RETURN, { id, comment: 'Поздно' }), 'BAD_USER_INPUT', {
      argument: 'id',
      status: 'APPROVED',
    });
    refused(await ask(tokens.schoolA, SUBMIT, { id: '999999' }), 'BAD_USER_INPUT', { argument: 'id' });
    expect(await recordsOf(id)).toEqual(history.at(-1));

    const audit = await rows<{ action: string; actor: string }>(
      `select action, actor from audit_log where target = $1 order by id`,
      [`school_document:${id}`],
    );
    expect(audit).toEqual([
      { action: 'submitSchoolDocument', actor: 'school-a' },
      { action: 'returnSchoolDocument', actor: 'curator-a' },
      { action: 'submitSchoolDocument', actor: 'school-a' },
      { action: 'approveSchoolDocument', actor: 'curator-a' },
    ]);
  });

  it('the municipality of the school and the ministry review too', async () => {
    const input = { schoolCode: place.b.code, listYear: 2026, kind: 'CONCEPT', title: 'Концепция развития' };
    const concept = ok<{ createSchoolDocument: DocumentView }>(await ask(tokens.schoolB, CREATE, { input }))
      .createSchoolDocument.id;
    ok(await ask(tokens.schoolB, SUBMIT, { id: concept }));
    refused(await ask(tokens.curatorA, APPROVE, { id: concept }), 'FORBIDDEN', { action: 'support.review' });
    expect(
      ok<{ returnSchoolDocument: DocumentView }>(
        await ask(tokens.ministry, RETURN, { id: concept, comment: 'Нет раздела о кадрах' }),
      ).returnSchoolDocument.status,
    ).toBe('RETURNED');
    ok(await ask(tokens.schoolB, SUBMIT, { id: concept }));
    expect(
      ok<{ approveSchoolDocument: DocumentView }>(await ask(tokens.m1, APPROVE, { id: concept }))
        .approveSchoolDocument.status,
    ).toBe('APPROVED');
    expect((await recordsOf(concept)).map((r) => [r.status, r.actor])).toEqual([
      ['DRAFT', 'school-b'],
      ['SUBMITTED', 'school-b'],
      ['RETURNED', 'ministry'],
      ['SUBMITTED', 'school-b'],
      ['APPROVED', 'mun-1'],
    ]);
  });

  it('records are append-only in the table too: UPDATE and DELETE are refused', async () => {
    const before = await recordsOf(programme);
    for (const statement of [
      `update document_status_record set status = 'DRAFT' where document_id = $1`,
      `delete from document_status_record where document_id = $1`,
    ]) {
      const error = await db.query(statement, [programme]).then(
        () => null,
        (e: unknown) => e as pg.DatabaseError,
      );
      expect(error?.code).toBe('23001');
    }
    expect(await recordsOf(programme)).toEqual(before);
  });

  it('two submits of one draft at once: exactly one record is added', async () => {
    const input = { schoolCode: place.a.code, listYear: 2026, kind: 'FAILING_STUDENTS_PLAN', title: 'План' };
    const id = ok<{ createSchoolDocument: DocumentView }>(await ask(tokens.schoolA, CREATE, { input }))
      .createSchoolDocument.id;
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(tokens.schoolA, SUBMIT, { id })));
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    for (const a of answers.filter((x) => x.errors)) {
      expect(a.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'id',
        status: 'SUBMITTED',
      });
    }
    expect((await recordsOf(id)).map((r) => r.status)).toEqual(['DRAFT', 'SUBMITTED']);
  });

  it('schoolDocuments: the scope reads, status = the last record, filters', async () => {
    const LIST = `query ($filter: SchoolDocumentFilter) { schoolDocuments(filter: $filter, first: 50) {
      totalCount nodes { id status schoolCode kind } } }`;
    const list = async (token: Token, filter: Record<string, unknown> = {}) =>
      ok<{
        schoolDocuments: { totalCount: number; nodes: { id: string; status: string; schoolCode: string }[] };
      }>(await ask(token, LIST, { filter })).schoolDocuments;
    const stored = await rows<{ id: string; school: string; status: string }>(
      `select d.id::text, s.code as school,
        (select r.status from document_status_record r where r.document_id = d.id order by r.date desc, r.seq desc limit 1) as status
       from school_document d join school s on s.id = d.school_id order by d.id`,
    );
    const of = (codes: string[]) => stored.filter((d) => codes.includes(d.school)).map((d) => d.id);
    expect((await list(tokens.schoolA)).nodes.map((n) => n.id)).toEqual(of([place.a.code]));
    expect((await list(tokens.curatorA)).nodes.map((n) => n.id)).toEqual(of([place.a.code]));
    expect((await list(tokens.curatorB)).nodes.map((n) => n.id)).toEqual(of([place.b.code]));
    expect((await list(tokens.curatorEnded)).nodes).toEqual([]);
    expect((await list(tokens.m1)).nodes.map((n) => n.id)).toEqual(of([place.a.code, place.b.code]));
    expect((await list(tokens.m2)).nodes).toEqual([]);
    const all = await list(tokens.ministry);
    expect(all.nodes.map((n) => [n.id, n.status])).toEqual(stored.map((d) => [d.id, d.status]));
    expect(all.totalCount).toBe(stored.length);
    const approved = await list(tokens.ministry, { statuses: ['APPROVED'], schoolCodes: [place.a.code] });
    expect(approved.nodes.map((n) => n.id)).toEqual(
      stored.filter((d) => d.status === 'APPROVED' && d.school === place.a.code).map((d) => d.id),
    );
    expect((await list(tokens.ministry, { kinds: ['CONCEPT'], listYear: 2026 })).nodes).toHaveLength(1);
    expect((await list(tokens.ministry, { listYear: 2025 })).nodes).toEqual([]);
    refused(await ask(tokens.public, LIST, {}), 'FORBIDDEN', { action: 'support.read' });
    // paging by id
    const first = ok<{
      schoolDocuments: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string }[] };
    }>(
      await ask(
        tokens.ministry,
        `{ schoolDocuments(first: 1) { pageInfo { endCursor hasNextPage } nodes { id } } }`,
      ),
    ).schoolDocuments;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok<{ schoolDocuments: { nodes: { id: string }[] } }>(
      await ask(
        tokens.ministry,
        `query ($after: String) { schoolDocuments(first: 50, after: $after) { nodes { id } } }`,
        {
          after: first.pageInfo.endCursor,
        },
      ),
    ).schoolDocuments;
    expect([...first.nodes, ...next.nodes].map((n) => n.id)).toEqual(stored.map((d) => d.id));
  });

  it('measures: on the school’s own programme, listed under it', async () => {
    const MEASURE = `mutation ($programmeId: ID!, $input: MeasureInput!) { createMeasure(programmeId: $programmeId, input: $input) {
      id programmeId title deadlineText responsible targetIndicator targetValue } }`;
    const input = {
      title: 'Входная диагностика по русскому языку',
      deadlineText: 'сентябрь 2026 года',
      responsible: 'заместитель директора по УВР',
      targetIndicator: 'DIAG_SHARE2_RU',
      targetValue: 0.15,
    };
    const measure = ok<{ createMeasure: { id: string; programmeId: string } }>(
      await ask(tokens.schoolA, MEASURE, { programmeId: programme, input }),
    ).createMeasure;
    expect(measure).toMatchObject({ programmeId: programme, ...input });
    ok(await ask(tokens.schoolA, MEASURE, { programmeId: programme, input: { title: 'Педсовет' } }));
    refused(await ask(tokens.schoolB, MEASURE, { programmeId: programme, input }), 'FORBIDDEN', {
      action: 'support.schoolWork',
    });
    refused(await ask(tokens.curatorA, MEASURE, { programmeId: programme, input }), 'FORBIDDEN', {
      action: 'support.schoolWork',
    });
    refused(
      await ask(tokens.schoolA, MEASURE, {
        programmeId: programme,
        input: { ...input, targetIndicator: 'NOPE' },
      }),
      'BAD_USER_INPUT',
      { argument: 'input.targetIndicator' },
    );
    refused(
      await ask(tokens.schoolA, MEASURE, { programmeId: programme, input: { ...input, targetValue: null } }),
      'BAD_USER_INPUT',
      { argument: 'input.targetValue' },
    );
    refused(await ask(tokens.schoolA, MEASURE, { programmeId: '999999', input }), 'BAD_USER_INPUT', {
      argument: 'programmeId',
    });
    const [concept] = await rows<{ id: string }>(
      `select id::text from school_document where kind = 'CONCEPT' limit 1`,
    );
    refused(await ask(tokens.schoolB, MEASURE, { programmeId: concept!.id, input }), 'BAD_USER_INPUT', {
      argument: 'programmeId',
    });
    const listed = ok<{ schoolDocuments: { nodes: DocumentView[] } }>(
      await ask(
        tokens.curatorA,
        `{ schoolDocuments(filter: { kinds: [ANTI_RISK_PROGRAMME] }) { nodes { ${DOCUMENT} } } }`,
      ),
    ).schoolDocuments.nodes;
    expect(listed).toHaveLength(1);
    expect(listed[0]!.measures.map((m) => [m.title, m.targetIndicator, m.targetValue])).toEqual([
      [input.title, 'DIAG_SHARE2_RU', 0.15],
      ['Педсовет', null, null],
    ]);
    expect(await rows(`select title from measure where document_id = $1 order by id`, [programme])).toEqual([
      { title: input.title },
      { title: 'Педсовет' },
    ]);
  });
});

describe('diagnostics (входной / промежуточный мониторинг)', () => {
  const RECORD = `mutation ($input: RecordDiagnosticInput!) { recordDiagnostic(input: $input) {
    id schoolCode grade subject stage date n n2 n3 n4 n5 share2 } }`;
  const base = () => ({
    schoolCode: place.a.code,
    grade: 5,
    subject: 'RU',
    stage: 'ENTRANCE',
    date: '2026-09-20',
    n: 25,
    n2: 5,
    n3: 10,
    n4: 7,
    n5: 3,
  });

  it('records counts only: the input has no field for a person', async () => {
    const type = ok<{ __type: { inputFields: { name: string }[] } }>(
      await ask(tokens.ministry, `{ __type(name: "RecordDiagnosticInput") { inputFields { name } } }`),
    ).__type;
    expect(type.inputFields.map((f) => f.name).sort()).toEqual(
      ['date', 'grade', 'n', 'n2', 'n3', 'n4', 'n5', 'schoolCode', 'stage', 'subject'].sort(),
    );
  });

  it('the school or its municipality records; Σ n2..n5 = N; the key is unique', async () => {
    const entrance = ok<{ recordDiagnostic: Record<string, unknown> }>(
      await ask(tokens.schoolA, RECORD, { input: base() }),
    ).recordDiagnostic;
    expect(entrance).toMatchObject({ ...base(), share2: 0.2 });
    const intermediate = {
      ...base(),
      stage: 'INTERMEDIATE',
      date: '2026-12-15',
      n: 24,
      n2: 3,
      n3: 11,
      n4: 7,
      n5: 3,
    };
    expect(
      ok<{ recordDiagnostic: { share2: number } }>(await ask(tokens.m1, RECORD, { input: intermediate }))
        .recordDiagnostic.share2,
    ).toBe(0.125);

    const message = refused(
      await ask(tokens.schoolA, RECORD, { input: { ...base(), date: '2026-09-21', n: 26 } }),
      'BAD_USER_INPUT',
      {
        argument: 'input.n',
      },
    );
    expect(message).toContain('= 25, not N = 26');
    refused(await ask(tokens.schoolA, RECORD, { input: base() }), 'BAD_USER_INPUT', {
      argument: 'input.date',
    });
    refused(await ask(tokens.m1, RECORD, { input: base() }), 'BAD_USER_INPUT', { argument: 'input.date' });
    refused(await ask(tokens.schoolA, RECORD, { input: { ...base(), grade: 12 } }), 'BAD_USER_INPUT', {
      argument: 'input.grade',
    });
    refused(
      await ask(tokens.schoolA, RECORD, { input: { ...base(), date: '2026-02-30' } }),
      'BAD_USER_INPUT',
      {
        argument: expect.stringMatching(/^input(\.date)?$/), // the Date scalar refuses it
      },
    );
    refused(
      await ask(tokens.schoolA, RECORD, { input: { ...base(), n: 0, n2: 0, n3: 0, n4: 0, n5: 0 } }),
      'BAD_USER_INPUT',
      { argument: 'input.n' },
    );
    refused(await ask(tokens.schoolA, RECORD, { input: { ...base(), n2: -1, n3: 16 } }), 'BAD_USER_INPUT', {
      argument: 'input.n2',
    });
    for (const token of [tokens.schoolB, tokens.m2, tokens.region]) {
      refused(await ask(token, RECORD, { input: { ...base(), date: '2026-09-22' } }), 'FORBIDDEN', {
        action: 'support.diagnostics',
      });
    }
    refused(await ask(tokens.curatorA, RECORD, { input: { ...base(), date: '2026-09-22' } }), 'FORBIDDEN', {
      action: 'support.diagnostics',
    });
    expect(
      await rows(
        `select grade, subject, stage, date::text, participants, n2, n3, n4, n5 from diagnostic where school_id = $1 order by id`,
        [place.a.id],
      ),
    ).toEqual([
      {
        grade: 5,
        subject: 'RU',
        stage: 'ENTRANCE',
        date: '2026-09-20',
        participants: 25,
        n2: 5,
        n3: 10,
        n4: 7,
        n5: 3,
      },
      {
        grade: 5,
        subject: 'RU',
        stage: 'INTERMEDIATE',
        date: '2026-12-15',
        participants: 24,
        n2: 3,
        n3: 11,
        n4: 7,
        n5: 3,
      },
    ]);
  });

  it('diagnostics(filter, stage, subject): the scope reads, share2 = n2 / n', async () => {
    const LIST = `query ($stage: DiagnosticStage, $subject: DiagnosticSubject) {
      diagnostics(stage: $stage, subject: $subject, first: 50) { totalCount nodes { schoolCode stage subject n n2 share2 } } }`;
    const all = ok<{
      diagnostics: { totalCount: number; nodes: { stage: string; n: number; n2: number; share2: number }[] };
    }>(await ask(tokens.curatorA, LIST, { subject: 'RU' })).diagnostics;
    expect(all.totalCount).toBe(2);
    for (const node of all.nodes) expect(node.share2).toBeCloseTo(node.n2 / node.n, 12);
    expect(
      ok<{ diagnostics: { nodes: { stage: string }[] } }>(
        await ask(tokens.m1, LIST, { stage: 'INTERMEDIATE' }),
      ).diagnostics.nodes.map((n) => n.stage),
    ).toEqual(['INTERMEDIATE']);
    expect(
      ok<{ diagnostics: { totalCount: number } }>(await ask(tokens.m1, LIST, { subject: 'MA' })).diagnostics
        .totalCount,
    ).toBe(0);
    expect(
      ok<{ diagnostics: { totalCount: number } }>(await ask(tokens.schoolB, LIST, {})).diagnostics.totalCount,
    ).toBe(0);
    expect(
      ok<{ diagnostics: { totalCount: number } }>(await ask(tokens.curatorB, LIST, {})).diagnostics
        .totalCount,
    ).toBe(0);
    refused(await ask(tokens.public, LIST, {}), 'FORBIDDEN', { action: 'support.read' });
  });
});

describe('activity reports', () => {
  const REPORT = `mutation ($activityId: ID!, $input: ActivityReportInput!) { reportActivity(activityId: $activityId, input: $input) {
    id seq activityId schoolCode date status note evidenceUrl } }`;
  const activities = { reported: '', notRequired: '', otherMunicipality: '', region: '' };

  beforeAll(async () => {
    const roadmap = async (level: string, municipality: number | null) =>
      (
        await rows<{ id: string }>(
          `insert into roadmap (level, region_id, municipality_id, list_year, period_start, period_end)
           values ($1, $2, $3, 2026, '2026-09-01', '2027-08-31') returning id::text`,
          [level, place.regionId, municipality],
        )
      )[0]!.id;
    const activity = async (roadmapId: string, ordinal: number, requires: boolean) =>
      (
        await rows<{ id: string }>(
          `insert into activity (roadmap_id, ordinal, number, title, deadline_kind, requires_school_report, executors_text, executors)
           values ($1, $2, $3, $4, 'NO_DUE', $5, 'Отдел образования, руководители ОО', '{Отдел образования,руководители ОО}')
           returning id::text`,
          [roadmapId, ordinal, `${ordinal}.`, `Мероприятие ${ordinal}`, requires],
        )
      )[0]!.id;
    const own = await roadmap('MUNICIPALITY', place.m1);
    activities.reported = await activity(own, 1, true);
    activities.notRequired = await activity(own, 2, false);
    activities.otherMunicipality = await activity(await roadmap('MUNICIPALITY', place.m2), 1, true);
    activities.region = await activity(await roadmap('REGION', null), 1, true);
  });

  it('a school reports on its municipality’s report-requiring activities only; reports are appended', async () => {
    const input = {
      schoolCode: place.a.code,
      date: place.today,
      status: 'IN_PROGRESS',
      note: 'Проведено 2 заседания',
      evidenceUrl: 'https://school.example/news/1',
    };
    const first = ok<{ reportActivity: { seq: string } }>(
      await ask(tokens.schoolA, REPORT, { activityId: activities.reported, input }),
    ).reportActivity;
    expect(first).toMatchObject({ activityId: activities.reported, ...input });
    const stored = async () =>
      rows(
        `select seq::text, activity_id::text, school_id, date::text, status, note, evidence_url, created_at
         from activity_report where activity_id = $1 order by activity_report.seq`,
        [activities.reported],
      );
    const before = await stored();
    const second = ok<{ reportActivity: { seq: string } }>(
      await ask(tokens.schoolA, REPORT, {
        activityId: activities.reported,
        input: { ...input, status: 'DONE', evidenceUrl: null },
      }),
    ).reportActivity;
    expect(Number(second.seq)).toBeGreaterThan(Number(first.seq));
    const after = await stored();
    expect(after.slice(0, 1)).toEqual(before);
    expect(after).toHaveLength(2);

    expect(
      refused(
        await ask(tokens.schoolA, REPORT, { activityId: activities.notRequired, input }),
        'BAD_USER_INPUT',
        {
          argument: 'activityId',
          reason: 'NO_SCHOOL_REPORT_REQUIRED',
        },
      ),
    ).toContain('does not require school reports');
    for (const other of [activities.otherMunicipality, activities.region]) {
      expect(
        refused(await ask(tokens.schoolA, REPORT, { activityId: other, input }), 'BAD_USER_INPUT', {
          argument: 'activityId',
          reason: 'NOT_ITS_MUNICIPALITY_ROADMAP',
        }),
      ).toContain('a school reports on its municipality’s roadmap only');
    }
    refused(await ask(tokens.schoolA, REPORT, { activityId: '999999', input }), 'BAD_USER_INPUT', {
      argument: 'activityId',
    });
    refused(
      await ask(tokens.schoolA, REPORT, {
        activityId: activities.reported,
        input: { ...input, evidenceUrl: 'ftp://x/y' },
      }),
      'BAD_USER_INPUT',
      { argument: 'input.evidenceUrl' },
    );
    refused(
      await ask(tokens.schoolA, REPORT, {
        activityId: activities.reported,
        input: { ...input, date: place.tomorrow },
      }),
      'BAD_USER_INPUT',
      { argument: 'input.date' },
    );
    for (const token of [tokens.schoolB, tokens.m1, tokens.curatorA]) {
      refused(await ask(token, REPORT, { activityId: activities.reported, input }), 'FORBIDDEN', {
        action: 'support.schoolWork',
      });
    }
    // school B of the same municipality reports for itself
    ok(
      await ask(tokens.schoolB, REPORT, {
        activityId: activities.reported,
        input: { ...input, schoolCode: place.b.code },
      }),
    );
    const error = await db.query(`update activity_report set status = 'NOT_DONE'`).then(
      () => null,
      (e: unknown) => e as pg.DatabaseError,
    );
    expect(error?.code).toBe('23001');
    expect((await stored()).slice(0, 2)).toEqual(after);

    const LIST = `{ activityReports(first: 50) { totalCount nodes { schoolCode status } } }`;
    expect(
      ok<{ activityReports: { totalCount: number } }>(await ask(tokens.schoolA, LIST)).activityReports
        .totalCount,
    ).toBe(2);
    expect(
      ok<{ activityReports: { totalCount: number } }>(await ask(tokens.m1, LIST)).activityReports.totalCount,
    ).toBe(3);
    expect(
      ok<{ activityReports: { totalCount: number } }>(await ask(tokens.m2, LIST)).activityReports.totalCount,
    ).toBe(0);
  });
});

describe('best practices: publication and the search rule', () => {
  const CREATE_PRACTICE = `mutation ($input: CreateBestPracticeInput!) { createBestPractice(input: $input) { id published } }`;
  const PUBLISH = `mutation ($id: ID!) { publishBestPractice(id: $id) { id published } }`;
  const SEARCH = `query ($search: String, $riskFactor: Int, $first: Int, $after: String) {
    bestPractices(search: $search, riskFactor: $riskFactor, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id title published schoolCode } } }`;
  const ids: Record<string, string> = {};

  /** The practices of the test, written by hand: what each search must find is below. */
  const PRACTICES = [
    {
      key: 'tree',
      by: 'schoolA',
      publish: true,
      title: 'Ёлка знаний',
      text: 'Работа с неуспевающими учениками',
      tags: ['наставничество'],
      riskFactor: 3,
    },
    {
      key: 'yard',
      by: 'schoolA',
      publish: true,
      title: 'Ежедневный контроль',
      text: 'ЕЛКА во дворе школы',
      tags: ['Математика'],
      riskFactor: null,
    },
    {
      key: 'seminar',
      by: 'schoolB',
      publish: true,
      title: 'Семинар учителей',
      text: 'Учителя МАТЕМАТИКИ делятся опытом',
      tags: [],
      riskFactor: 4,
    },
    {
      key: 'draftA',
      by: 'schoolA',
      publish: false,
      title: 'Черновик: ёлка',
      text: 'Не опубликовано',
      tags: ['математика'],
      riskFactor: null,
    },
    {
      key: 'draftB',
      by: 'schoolB',
      publish: false,
      title: 'Черновик школы Б',
      text: 'Ёлка и математика',
      tags: [],
      riskFactor: null,
    },
    {
      key: 'wild',
      by: 'schoolC',
      publish: true,
      title: '100% успеваемость',
      text: 'Формула_успеха',
      tags: ['Тег_1'],
      riskFactor: null,
    },
  ] as const;

  beforeAll(async () => {
    for (const p of PRACTICES) {
      const schoolCode = { schoolA: place.a.code, schoolB: place.b.code, schoolC: place.c.code }[p.by];
      const { title, text, tags, riskFactor } = p;
      const created = ok<{ createBestPractice: { id: string; published: boolean } }>(
        await ask(tokens[p.by], CREATE_PRACTICE, {
          input: { schoolCode, title, text, tags: [...tags], riskFactor },
        }),
      ).createBestPractice;
      expect(created.published).toBe(false);
      ids[p.key] = created.id;
      if (p.publish) {
        expect(
          ok<{ publishBestPractice: { published: boolean } }>(
            await ask(tokens[p.by], PUBLISH, { id: created.id }),
          ).publishBestPractice.published,
        ).toBe(true);
      }
    }
  });

  const search = async (token: Token, text: string | null, riskFactor: number | null = null) =>
    ok<{ bestPractices: { totalCount: number; nodes: { id: string }[] } }>(
      await ask(token, SEARCH, { search: text, riskFactor, first: 100 }),
    ).bestPractices;
  const keysOf = (found: { nodes: { id: string }[] }) =>
    found.nodes.map((n) => Object.keys(ids).find((k) => ids[k] === n.id));

  /** The rule, in JS, over the stored rows: every word (lower case, ё = е) in title + text + tags; by id. */
  async function byTheRule(
    text: string,
    visible: (row: { published: boolean; school_id: number }) => boolean,
  ) {
    const norm = (s: string) => s.toLowerCase().replaceAll('ё', 'е');
    const words = text.split(/\s+/).filter(Boolean).map(norm);
    const all = await rows<{
      id: string;
      title: string;
      text: string;
      tags: string[];
      published: boolean;
      school_id: number;
    }>(
      `select id::text, title, text, tags, published, school_id from best_practice order by best_practice.id`,
    );
    return all
      .filter(visible)
      .filter((r) =>
        words.every((w) => [r.title, r.text, ...r.tags].some((field) => norm(field).includes(w))),
      )
      .map((r) => r.id);
  }

  it.each([
    ['ёлка', ['tree', 'yard']],
    ['ЕЛКА', ['tree', 'yard']],
    ['Ёлка', ['tree', 'yard']],
    ['математика', ['yard']],
    ['математик', ['yard', 'seminar']],
    ['ёлка математика', ['yard']],
    ['  математика   елка ', ['yard']],
    ['наставничество', ['tree']],
    ['неуспевающими ёлка знаний', ['tree']],
    ['100%', ['wild']],
    ['%', ['wild']],
    ['_', ['wild']],
    ['формула_успеха', ['wild']],
    ['тег_1', ['wild']],
    ['знанийработа', []],
    ['жираф', []],
  ])('«%s» → %j (another school’s viewer: published only)', async (text, expected) => {
    const found = await search(tokens.schoolC, text);
    expect(keysOf(found)).toEqual(expected);
    expect(found.totalCount).toBe(expected.length);
    expect(found.nodes.map((n) => n.id)).toEqual(await byTheRule(text, (r) => r.published));
  });

  it('unpublished practices: the school and its scope see its own, nobody else', async () => {
    expect(keysOf(await search(tokens.schoolA, 'ёлка'))).toEqual(['tree', 'yard', 'draftA']);
    expect(keysOf(await search(tokens.schoolB, 'ёлка'))).toEqual(['tree', 'yard', 'draftB']);
    expect(keysOf(await search(tokens.m1, 'ёлка'))).toEqual(['tree', 'yard', 'draftA', 'draftB']);
    expect(keysOf(await search(tokens.m2, 'ёлка'))).toEqual(['tree', 'yard']);
    expect(keysOf(await search(tokens.curatorA, 'ёлка математика'))).toEqual(['yard', 'draftA']);
    expect(keysOf(await search(tokens.curatorEnded, 'ёлка'))).toEqual(['tree', 'yard']);
    expect(keysOf(await search(tokens.ministry, 'ёлка математика'))).toEqual(['yard', 'draftA', 'draftB']);
    expect((await search(tokens.m1, 'ёлка')).nodes.map((n) => n.id)).toEqual(
      await byTheRule('ёлка', (r) => r.published || [place.a.id, place.b.id].includes(r.school_id)),
    );
  });

  it('no search: every readable practice by id; riskFactor filters; paging by id', async () => {
    expect(keysOf(await search(tokens.schoolC, null))).toEqual(['tree', 'yard', 'seminar', 'wild']);
    expect(keysOf(await search(tokens.schoolC, '   '))).toEqual(['tree', 'yard', 'seminar', 'wild']);
    expect(keysOf(await search(tokens.schoolC, null, 4))).toEqual(['seminar']);
    expect(keysOf(await search(tokens.schoolC, 'ёлка', 3))).toEqual(['tree']);
    refused(await ask(tokens.schoolC, SEARCH, { riskFactor: 11 }), 'BAD_USER_INPUT', {
      argument: 'riskFactor',
    });
    const page1 = ok<{
      bestPractices: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] };
    }>(await ask(tokens.schoolC, SEARCH, { search: 'ёлка', first: 1 })).bestPractices;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = ok<{ bestPractices: { pageInfo: { hasNextPage: boolean }; nodes: { id: string }[] } }>(
      await ask(tokens.schoolC, SEARCH, { search: 'ёлка', first: 1, after: page1.pageInfo.endCursor }),
    ).bestPractices;
    expect([...page1.nodes, ...page2.nodes].map((n) => n.id)).toEqual([ids.tree, ids.yard]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('PUBLIC is refused; only the school publishes its own, once', async () => {
    refused(await ask(tokens.public, SEARCH, { search: 'ёлка' }), 'FORBIDDEN', { action: 'support.read' });
    refused(await ask(tokens.schoolB, PUBLISH, { id: ids.draftA }), 'FORBIDDEN', {
      action: 'support.schoolWork',
    });
    refused(await ask(tokens.m1, PUBLISH, { id: ids.draftA }), 'FORBIDDEN', { action: 'support.schoolWork' });
    refused(await ask(tokens.schoolA, PUBLISH, { id: ids.tree }), 'BAD_USER_INPUT', { argument: 'id' });
    refused(
      await ask(tokens.schoolB, CREATE_PRACTICE, {
        input: { schoolCode: place.a.code, title: 'x', text: 'y' },
      }),
      'FORBIDDEN',
      { action: 'support.schoolWork' },
    );
    refused(
      await ask(tokens.schoolA, CREATE_PRACTICE, {
        input: { schoolCode: place.a.code, title: ' ', text: 'y' },
      }),
      'BAD_USER_INPUT',
      { argument: 'input.title' },
    );
    expect(await rows(`select published from best_practice where id = $1`, [ids.draftA])).toEqual([
      { published: false },
    ]);
  });
});

describe('under a burst of writes', () => {
  it('a light query still answers quickly while 60 writes run at once', async () => {
    const input = (i: number) => ({
      schoolCode: place.c.code,
      grade: 1 + (i % 11),
      subject: i % 2 ? 'RU' : 'MA',
      stage: 'FINAL',
      date: `2027-05-${String(1 + Math.floor(i / 22)).padStart(2, '0')}`,
      n: 20,
      n2: 2,
      n3: 8,
      n4: 6,
      n5: 4,
    });
    const RECORD = `mutation ($input: RecordDiagnosticInput!) { recordDiagnostic(input: $input) { id } }`;
    const PRACTICE = `mutation ($input: CreateBestPracticeInput!) { createBestPractice(input: $input) { id } }`;
    const { slowestMs, failures, result } = await slowestLightAnswerDuring(
      server.url,
      () =>
        Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            i % 2
              ? ask(tokens.schoolC, RECORD, { input: input(i) })
              : ask(tokens.schoolC, PRACTICE, {
                  input: {
                    schoolCode: place.c.code,
                    title: `Практика ${i}`,
                    text: 'Текст практики',
                    tags: ['нагрузка'],
                  },
                }),
          ),
        ),
      { authorization: `Bearer ${tokens.ministry}` },
    );
    expect(result.filter((a) => a.errors)).toEqual([]);
    expect(failures).toBe(0);
    expect(slowestMs).toBeLessThan(200);
  });
});
