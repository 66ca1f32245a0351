import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApproveShnorListDocument,
  CreateShnorListDocument,
  PublishShnorListDocument,
  SetShnorListEntryDocument,
  ShnorListDiffDocument,
  ShnorListEntriesDocument,
  type ShnorListEntriesQuery,
  ShnorListsDocument,
} from '../../api/operations/generated/graphql.js';
import { type RunningServer } from '../../api/server.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { dataOf } from '../support/graphql-client.js';
import { type Ask, clientAs, improveSchool, markSchool, refusal } from '../support/list-workflow.js';
import { startTestServerOn } from '../support/server.js';

// Lists are written and approved here, which changes EXIT candidates: a database of this file's own.
const SECRET = 'shnor-lists-test-secret-of-32-bytes+';
const REGION = '56';
const YEAR = 2026;
const REASON = 'Признаки необъективности подтверждены выездной проверкой';

let database: FreshDatabase;
let server: RunningServer;
let pool: pg.Pool;
let ministry: Ask;

type Entry = NonNullable<ShnorListEntriesQuery['shnorList']>['entries']['nodes'][number];
interface Candidate {
  exitCandidate: boolean;
  status: string;
  lowRank: number | null;
  explanation: string;
  school: { code: string };
  evidence: {
    current: { lowIndex: number | null; low: boolean | null };
    previous: { lowRank: number | null };
  };
}

async function candidates(year: number): Promise<Candidate[]> {
  const data = dataOf(
    await ministry<{ shnorCandidates: { nodes: Candidate[] } }, object>(
      `{ shnorCandidates(year: ${year}, filter: { regionCodes: ["${REGION}"] }, first: 500) { nodes { exitCandidate status lowRank explanation
        school { code } evidence { current { lowIndex low } previous { lowRank } } } } }`,
    ),
  );
  return data.shnorCandidates.nodes;
}

async function entriesOf(id: string, ask: Ask = ministry): Promise<Entry[]> {
  const list = dataOf(await ask(ShnorListEntriesDocument, { id, first: 500 })).shnorList;
  return list?.entries.nodes ?? [];
}

async function create(year: number, ask: Ask = ministry) {
  return dataOf(await ask(CreateShnorListDocument, { year, regionCode: REGION })).createShnorList;
}

/** Decides every entry that blocks approval: REVIEW kept, leaving schools let go. */
async function decideAll(id: string): Promise<void> {
  for (const e of (await entriesOf(id)).filter((x) => x.needsDecision)) {
    const decision = e.status === 'REVIEW' ? 'INCLUDE' : 'EXCLUDE';
    dataOf(
      await ministry(SetShnorListEntryDocument, {
        listId: id,
        schoolCode: e.schoolCode,
        decision,
        justification: REASON,
      }),
    );
  }
}

beforeAll(async () => {
  database = await createFreshDatabase();
  server = await startTestServerOn(database.url, { AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  ministry = await clientAs(server.url, SECRET, { role: 'MINISTRY', sub: 'ivanova@minobr' });
});
afterAll(async () => {
  await server?.close();
  await pool?.end();
  await database?.drop();
});

describe('annual ШНОР list', () => {
  let previousId = '';
  let currentId = '';
  let frozen: Entry[] = [];
  let leaving = '';
  let staleId = '';

  it('snapshots the region’s candidates of the year as a DRAFT, in the candidates’ order, with their evidence', async () => {
    // the demo data has no REVIEW school: journal marks raised for one ELIGIBLE school make one
    const reviewed = (await candidates(YEAR - 1)).find((c) => c.status === 'ELIGIBLE')!.school.code;
    await markSchool(pool, reviewed, [YEAR - 1]);
    const list = await create(YEAR - 1);
    previousId = list.id;
    expect(list).toMatchObject({
      status: 'DRAFT',
      year: YEAR - 1,
      createdBy: 'ivanova@minobr',
      previousListId: null,
    });
    expect(list.methodology.name).toBe('default-v1');
    const computed = await candidates(YEAR - 1);
    const entries = await entriesOf(list.id);
    expect(entries.map((e) => e.schoolCode)).toEqual(computed.map((c) => c.school.code));
    entries.forEach((e, i) => {
      const c = computed[i]!;
      expect([e.status, e.lowRank, e.evidence.current.lowIndex, e.explanation]).toEqual([
        c.status,
        c.lowRank,
        c.evidence.current.lowIndex,
        c.explanation,
      ]);
      expect(e.included).toBe(e.status === 'ELIGIBLE');
    });
    expect(list.counts.eligible).toBe(computed.filter((c) => c.status === 'ELIGIBLE').length);
    expect(list.counts.eligible).toBeGreaterThan(1);
    expect(entries.find((e) => e.schoolCode === reviewed)).toMatchObject({
      status: 'REVIEW',
      needsDecision: true,
    });
    expect(list.counts).toMatchObject({ review: 1, undecided: 1 });
    const marked = entries.find((e) => e.schoolCode === reviewed)!;
    expect(marked.markers.map((m) => m.code)).toContain('JOURNAL_MISMATCH');
  });

  it('refuses a decision without a justification, records one with author and time, keeps every decision', async () => {
    const [school] = (await entriesOf(previousId)).filter((e) => e.status === 'ELIGIBLE').slice(-1);
    const ask = (justification: string, decision: 'INCLUDE' | 'EXCLUDE' = 'EXCLUDE') =>
      ministry(SetShnorListEntryDocument, {
        listId: previousId,
        schoolCode: school!.schoolCode,
        decision,
        justification,
      });
    expect(refusal(await ask('   '))).toEqual({ code: 'BAD_USER_INPUT', argument: 'justification' });
    expect(refusal(await ask(' коротко '))).toEqual({ code: 'BAD_USER_INPUT', argument: 'justification' });
    const before = Date.now();
    const first = dataOf(await ask(`  ${REASON}  `)).setShnorListEntry;
    expect(first).toMatchObject({
      decision: 'EXCLUDE',
      justification: REASON,
      decidedBy: 'ivanova@minobr',
      included: false,
    });
    expect(new Date(first.decidedAt as string).getTime()).toBeGreaterThanOrEqual(before - 5_000);
    const second = dataOf(
      await ask('Решение пересмотрено: результаты подтверждены', 'INCLUDE'),
    ).setShnorListEntry;
    expect(second.included).toBe(true);
    const list = dataOf(await ministry(ShnorListEntriesDocument, { id: previousId })).shnorList!;
    expect(list.decisions.filter((d) => d.schoolCode === school!.schoolCode).map((d) => d.decision)).toEqual([
      'EXCLUDE',
      'INCLUDE',
    ]);
    const unknown = await ministry(SetShnorListEntryDocument, {
      listId: previousId,
      schoolCode: 'nope',
      decision: 'INCLUDE',
      justification: REASON,
    });
    expect(refusal(unknown)).toEqual({ code: 'BAD_USER_INPUT', argument: 'schoolCode' });
  });

  it('approves once every REVIEW entry is decided, then refuses every change', async () => {
    const review = (await entriesOf(previousId)).filter((e) => e.needsDecision);
    expect(review.map((e) => e.status)).toEqual(['REVIEW']);
    const refused = await ministry(ApproveShnorListDocument, { listId: previousId });
    expect(refusal(refused)).toEqual({ code: 'UNDECIDED_ENTRIES', argument: 'listId' });
    expect(refused.errors?.[0]?.extensions?.schools).toEqual(review.map((e) => e.schoolCode));
    await decideAll(previousId);
    // a school leaves the list next year: its results of both years become flawless (before approval,
    // so the cached next year is computed without an approved list first)
    staleId = (await create(YEAR)).id;
    leaving = (await entriesOf(previousId)).find(
      (e) => e.status === 'ELIGIBLE' && e.decision === null,
    )!.schoolCode;
    frozen = await entriesOf(previousId);
    await improveSchool(pool, database.url, leaving, [YEAR - 1, YEAR]);
    expect((await candidates(YEAR)).find((c) => c.school.code === leaving)?.exitCandidate).toBe(false);
    const approved = dataOf(
      await ministry(ApproveShnorListDocument, { listId: previousId }),
    ).approveShnorList;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: 'ivanova@minobr' });
    const change = await ministry(SetShnorListEntryDocument, {
      listId: previousId,
      schoolCode: leaving,
      decision: 'EXCLUDE',
      justification: REASON,
    });
    expect(refusal(change)).toEqual({ code: 'LIST_FROZEN', argument: 'listId' });
    expect(refusal(await ministry(ApproveShnorListDocument, { listId: previousId })).code).toBe(
      'LIST_FROZEN',
    );
    const second = await create(YEAR - 1);
    expect(refusal(await ministry(ApproveShnorListDocument, { listId: second.id }))).toEqual({
      code: 'CONFLICT',
      argument: 'listId',
    });
  });

  it('keeps an approved list as it was after a re-import changes the data', async () => {
    await improveSchool(
      pool,
      database.url,
      frozen.find((e) => e.status === 'ELIGIBLE' && e.schoolCode !== leaving)!.schoolCode,
      [YEAR - 1],
    );
    const now = await candidates(YEAR - 1);
    expect(now.find((c) => c.school.code === leaving)?.status).toBe('NOT_ELIGIBLE');
    expect(await entriesOf(previousId)).toEqual(frozen);
  });

  it('makes a school of last year’s approved list that is no longer low an EXIT candidate', async () => {
    const computed = await candidates(YEAR);
    const exit = computed.filter((c) => c.exitCandidate).map((c) => c.school.code);
    expect(exit).toContain(leaving);
    const listed = new Set(frozen.filter((e) => e.included).map((e) => e.schoolCode));
    for (const c of computed) {
      const expected =
        listed.has(c.school.code) &&
        !['ELIGIBLE', 'REVIEW'].includes(c.status) &&
        c.evidence.current.low === false;
      expect(c.exitCandidate, c.school.code).toBe(expected);
    }
  });

  it('asks a decision on leaving schools, approves, publishes, and diffs two years as sets', async () => {
    const list = await create(YEAR);
    currentId = list.id;
    expect(list.previousListId).toBe(previousId);
    const entry = (await entriesOf(currentId)).find((e) => e.schoolCode === leaving)!;
    expect(entry).toMatchObject({
      previouslyListed: true,
      exitCandidate: true,
      needsDecision: true,
      included: false,
    });
    expect(entry.explanation).toMatch(/кандидат на выход/);
    const refused = await ministry(ApproveShnorListDocument, { listId: currentId });
    expect(refused.errors?.[0]?.extensions?.schools).toContain(leaving);
    await decideAll(currentId);
    // drafted before the list of y − 1 was approved: its EXIT candidates were unknown
    const stale = await ministry(ApproveShnorListDocument, { listId: staleId });
    expect(refusal(stale)).toEqual({ code: 'CONFLICT', argument: 'listId' });
    expect(stale.errors?.[0]?.extensions?.previousListId).toBe(previousId);
    expect(refusal(await ministry(PublishShnorListDocument, { listId: currentId })).code).toBe('CONFLICT');
    dataOf(await ministry(ApproveShnorListDocument, { listId: currentId }));
    const published = dataOf(
      await ministry(PublishShnorListDocument, { listId: currentId }),
    ).publishShnorList;
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedBy: 'ivanova@minobr' });
    expect(refusal(await ministry(PublishShnorListDocument, { listId: currentId })).code).toBe('LIST_FROZEN');

    const diff = dataOf(
      await ministry(ShnorListDiffDocument, { from: previousId, to: currentId }),
    ).shnorListDiff;
    const included = async (id: string) =>
      new Set((await entriesOf(id)).filter((e) => e.included).map((e) => e.schoolCode));
    const [before, after] = [await included(previousId), await included(currentId)];
    const codes = (rows: { schoolCode: string }[]) => rows.map((r) => r.schoolCode).sort();
    expect(codes(diff.entered)).toEqual([...after].filter((c) => !before.has(c)).sort());
    expect(codes(diff.exited)).toEqual([...before].filter((c) => !after.has(c)).sort());
    expect(codes(diff.stayed)).toEqual([...after].filter((c) => before.has(c)).sort());
    expect(codes(diff.exited)).toContain(leaving);
  });
});

describe('who may do what with lists', () => {
  const setEntry = (ask: Ask, listId: string) =>
    ask(SetShnorListEntryDocument, { listId, schoolCode: 'any', decision: 'INCLUDE', justification: REASON });
  const listIdsOf = async (ask: Ask) =>
    dataOf(await ask(ShnorListsDocument, {})).shnorLists as { id: string; region: { code: string } }[];

  it('lets a regional analyst work in its own region only', async () => {
    const own = await clientAs(server.url, SECRET, {
      role: 'REGION_ANALYST',
      region: REGION,
      sub: 'analyst-56',
    });
    const other = await clientAs(server.url, SECRET, {
      role: 'REGION_ANALYST',
      region: '63',
      sub: 'analyst-63',
    });
    const draft = await create(YEAR, own);
    expect(draft.createdBy).toBe('analyst-56');
    expect((await listIdsOf(own)).every((l) => l.region.code === REGION)).toBe(true);
    expect(refusal(await other(CreateShnorListDocument, { year: YEAR, regionCode: REGION })).code).toBe(
      'FORBIDDEN',
    );
    expect(refusal(await setEntry(other, draft.id)).code).toBe('FORBIDDEN');
    expect(refusal(await other(ApproveShnorListDocument, { listId: draft.id })).code).toBe('FORBIDDEN');
    expect(refusal(await other(PublishShnorListDocument, { listId: draft.id })).code).toBe('FORBIDDEN');
    expect(await listIdsOf(other)).toEqual([]);
    expect(dataOf(await other(ShnorListEntriesDocument, { id: draft.id })).shnorList).toBeNull();
    expect(refusal(await other(ShnorListDiffDocument, { from: draft.id, to: draft.id })).argument).toBe(
      'from',
    );
  });

  it('refuses changes to schools, municipalities and BI services, and shows them only their rows', async () => {
    const [list] = await listIdsOf(ministry);
    const all = await entriesOf(list!.id);
    const { rows } = await pool.query(`select code, municipality_id from school where code = $1`, [
      all[0]!.schoolCode,
    ]);
    const school = await clientAs(server.url, SECRET, { role: 'SCHOOL', school: rows[0].code });
    const municipal = await clientAs(server.url, SECRET, {
      role: 'MUNICIPAL_ANALYST',
      municipality: rows[0].municipality_id,
    });
    const bi = await clientAs(server.url, SECRET, { role: 'BI_SERVICE', regions: [REGION] });
    for (const ask of [school, municipal, bi]) {
      expect(refusal(await ask(CreateShnorListDocument, { year: YEAR, regionCode: REGION })).code).toBe(
        'FORBIDDEN',
      );
      expect(refusal(await setEntry(ask, list!.id)).code).toBe('FORBIDDEN');
      expect(refusal(await ask(ApproveShnorListDocument, { listId: list!.id })).code).toBe('FORBIDDEN');
    }
    expect((await entriesOf(list!.id, school)).map((e) => e.schoolCode)).toEqual([rows[0].code]);
    const { rows: ofMunicipality } = await pool.query(`select code from school where municipality_id = $1`, [
      rows[0].municipality_id,
    ]);
    const codes = new Set(ofMunicipality.map((r: { code: string }) => r.code));
    const seen = await entriesOf(list!.id, municipal);
    expect(seen.length).toBe(all.filter((e) => codes.has(e.schoolCode)).length);
    expect(seen.every((e) => codes.has(e.schoolCode))).toBe(true);
    expect((await entriesOf(list!.id, bi)).length).toBe(all.length);
  });

  it('writes every state change to the audit log', async () => {
    for (const action of ['createShnorList', 'setShnorListEntry', 'approveShnorList', 'publishShnorList']) {
      const log = dataOf(
        await ministry<{ auditLog: { nodes: { actor: string; target: string }[] } }, object>(
          `{ auditLog(action: "${action}", first: 100) { nodes { actor target } } }`,
        ),
      ).auditLog.nodes;
      expect(log.length, action).toBeGreaterThan(0);
      expect(log.every((e) => /^shnor_list:\d+$/.test(e.target))).toBe(true);
    }
  });
});
