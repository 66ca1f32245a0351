import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { buildDemoSupportYearAt, type DemoSupportSummary } from '../../api/demo/support-year.js';
import { type RunningServer } from '../../api/server.js';
import { loadTrustedDocuments } from '../../api/trusted/trusted-documents.js';
import { loadConfig } from '../../config/settings.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';
import { startTestServerOn } from '../support/server.js';

/**
 * executionSummary and submissionTracking (issue 13 item 6) on the demo's support year: each row is
 * the figures of that place's own executionMonitoring, counted here from the monitoring's answer;
 * the municipalities' rows add up to the region's; roadmaps and listed schools spot-checked in SQL;
 * who may ask; and the support dashboards' trusted documents, run by id as a BI service account
 * (persisted-only), answer what the ministry's free text answers.
 */
const SECRET = 'execution-summary-test-secret-of-32-bytes';
const AS_OF = '2026-12-01';
const documents = loadTrustedDocuments();

let fresh: FreshDatabase;
let server: RunningServer;
let db: pg.Pool;
let demo: DemoSupportSummary;

type Errors = { message: string; extensions?: Record<string, unknown> }[];
interface Answer<T> {
  data?: T;
  errors?: Errors;
}

async function post<T>(claims: Record<string, unknown> | null, body: object): Promise<Answer<T>> {
  const token = claims ? await mintToken(SECRET, { sub: 'execution-summary-test', ...claims }) : null;
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Answer<T>;
}

const MINISTRY = { role: 'MINISTRY' };
async function data<T>(query: string, claims: Record<string, unknown> = MINISTRY): Promise<T> {
  const answer = await post<T>(claims, { query });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!;
}

const rows = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'demo' });
  const built = await buildDemoSupportYearAt(fresh.url, loadConfig({ NODE_ENV: 'test' }));
  if (!built) throw new Error('no demo support year');
  demo = built;
  server = await startTestServerOn(fresh.url, {
    AUTH_DEV_MODE: '0',
    AUTH_JWT_SECRET: SECRET,
    PERSISTED_ONLY_ROLES: 'BI_SERVICE',
    PUBLIC_ACCESS: '1',
  });
  db = new pg.Pool({ connectionString: fresh.url, max: 2 });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await db?.end();
  await fresh?.drop();
});

const FIGURES = `asOf listId roadmaps activities { total DONE IN_PROGRESS PLANNED OVERDUE }
  listedSchools withCurator withPartner reportsDue reportsSubmitted reportsMissing schoolsWithRequiredDocuments
  events eventParticipants listedSchoolsReached lowIndexDeltaSchools lowIndexDeltaMean`;
type Row = Record<string, unknown> & { region: { code: string }; municipality: { id: string } | null };

const summary = async (args: string, claims: Record<string, unknown> = MINISTRY) =>
  (
    await data<{ executionSummary: { rows: Row[] } }>(
      `{ executionSummary(year: 2026, asOf: "${AS_OF}", ${args}) { rows { region { code } municipality { id } ${FIGURES} } } }`,
      claims,
    )
  ).executionSummary.rows;

interface Monitoring {
  asOf: string;
  listId: string | null;
  roadmapIds: string[];
  activities: Record<string, number>;
  counts: { listedSchools: number; withCurator: number; withPartner: number };
  events: { count: number; participants: number; listedSchoolsReached: number };
  schools: {
    reports: { due: number; submitted: number };
    documents: { missingRequired: string[] };
    lowIndexDelta: number | null;
  }[];
  submissionTracking: { school: { code: string }; activity: { id: string } }[];
}

const monitoring = async (place: string) =>
  (
    await data<{ executionMonitoring: Monitoring }>(
      `{ executionMonitoring(year: 2026, ${place}, asOf: "${AS_OF}") { asOf listId roadmapIds
        activities { total DONE IN_PROGRESS PLANNED OVERDUE } counts { listedSchools withCurator withPartner }
        events { count participants listedSchoolsReached }
        schools { reports { due submitted } documents { missingRequired } lowIndexDelta }
        submissionTracking { school { code } activity { id } } } }`,
    )
  ).executionMonitoring;

const sum = (values: number[]) => values.reduce((n, v) => n + v, 0);

/** The row a monitoring answer makes, counted independently of the service. */
function expectedRow(m: Monitoring) {
  const deltas = m.schools.map((s) => s.lowIndexDelta).filter((d): d is number => d !== null);
  return {
    asOf: m.asOf,
    listId: m.listId,
    roadmaps: m.roadmapIds.length,
    activities: m.activities,
    ...m.counts,
    reportsDue: sum(m.schools.map((s) => s.reports.due)),
    reportsSubmitted: sum(m.schools.map((s) => s.reports.submitted)),
    reportsMissing: m.submissionTracking.length,
    schoolsWithRequiredDocuments: m.schools.filter((s) => s.documents.missingRequired.length === 0).length,
    events: m.events.count,
    eventParticipants: m.events.participants,
    listedSchoolsReached: m.events.listedSchoolsReached,
    lowIndexDeltaSchools: deltas.length,
    lowIndexDeltaMean: deltas.length ? sum(deltas) / deltas.length : null,
  };
}

function expectRowOf(row: Row, m: Monitoring) {
  const { region: _region, municipality: _municipality, lowIndexDeltaMean, ...figures } = row;
  const { lowIndexDeltaMean: mean, ...expected } = expectedRow(m);
  expect(figures).toEqual(expected);
  if (mean === null) expect(lowIndexDeltaMean).toBeNull();
  else expect(lowIndexDeltaMean as number).toBeCloseTo(mean, 9);
}

describe('executionSummary', () => {
  it('per region: every region, each row its executionMonitoring counted; SQL agrees on roadmaps and listed schools', async () => {
    const regions = await rows<{ code: string }>('select code from region order by code');
    const answer = await summary('groupBy: REGION');
    expect(answer.map((r) => r.region.code)).toEqual(regions.map((r) => r.code));
    for (const row of answer) {
      expect(row.municipality).toBeNull();
      expectRowOf(row, await monitoring(`regionCode: "${row.region.code}"`));
      const [sqlRow] = await rows<{ roadmaps: number; listed: number }>(
        `select (select count(*)::int from roadmap r join region g on g.id = r.region_id
                 where g.code = $1 and r.list_year = 2026) as roadmaps,
                (select count(*)::int from shnor_list l join shnor_list_entry e on e.list_id = l.id
                 join region g on g.id = l.region_id
                 where g.code = $1 and l.year = 2026 and l.status in ('APPROVED', 'PUBLISHED')
                   and coalesce(e.decision = 'INCLUDE', e.status = 'ELIGIBLE')) as listed`,
        [row.region.code],
      );
      expect({ roadmaps: row.roadmaps, listed: row.listedSchools }).toEqual({
        roadmaps: sqlRow!.roadmaps,
        listed: sqlRow!.listed,
      });
    }
    const demoRegion = answer.find((r) => r.region.code === '56')!;
    expect(demoRegion.listId).toBe(demo.listId);
    expect(demoRegion.listedSchools).toBeGreaterThan(0);
    expect(demoRegion.reportsMissing).toBeGreaterThan(0);
  });

  it('per municipality of region 56: every municipality, each its monitoring; the schools’ figures add up to the region’s', async () => {
    const municipalities = await rows<{ id: number }>(
      `select m.id from municipality m join region g on g.id = m.region_id where g.code = '56' order by m.name, m.id`,
    );
    const answer = await summary('regionCodes: ["56"], groupBy: MUNICIPALITY');
    expect(answer.map((r) => Number(r.municipality?.id))).toEqual(municipalities.map((m) => m.id));
    for (const row of answer) expectRowOf(row, await monitoring(`municipalityId: "${row.municipality!.id}"`));
    const [region] = await summary('regionCodes: ["56"], groupBy: REGION');
    for (const key of [
      'listedSchools',
      'withCurator',
      'withPartner',
      'reportsDue',
      'reportsSubmitted',
      'reportsMissing',
      'schoolsWithRequiredDocuments',
      'lowIndexDeltaSchools',
    ]) {
      expect(sum(answer.map((r) => r[key] as number)), key).toBe(region![key]);
    }
    const demoRow = answer.find((r) => Number(r.municipality!.id) === demo.municipality.id)!;
    expect(demoRow.roadmaps).toBe(1);
  });

  it.each([
    [{ role: 'REGION_ANALYST', region: '23' }, ['23']],
    [{ role: 'REGION_ANALYST', region: '56' }, ['56']],
  ])('%j sees its own region only', async (claims, codes) => {
    expect((await summary('groupBy: REGION', claims)).map((r) => r.region.code)).toEqual(codes);
  });

  it('a region outside the scope asked for by name is absent, as in shnorSummary', async () => {
    expect(await summary('regionCodes: ["56"]', { role: 'REGION_ANALYST', region: '23' })).toEqual([]);
  });

  it.each([
    [null, 'FORBIDDEN'],
    [{ role: 'SCHOOL', school: 'sch560189' }, 'FORBIDDEN'],
    [{ role: 'CURATOR', person: 'curator-1' }, 'FORBIDDEN'],
    [{ role: 'MUNICIPAL_ANALYST', municipality: 15 }, 'FORBIDDEN'],
  ])('%j → %s', async (claims, code) => {
    const answer = await post(claims, {
      query: '{ executionSummary(year: 2026) { rows { listedSchools } } }',
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code, action: 'support.monitor' });
  });

  it('an unknown region is BAD_USER_INPUT naming it', async () => {
    const answer = await post(MINISTRY, {
      query: '{ executionSummary(year: 2026, regionCodes: ["56", "99"]) { rows { listedSchools } } }',
    });
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'regionCodes[1]' });
  });
});

describe('submissionTracking over several places', () => {
  const TRACKING = '{ school { code } activity { id } }';
  it('is the monitoring’s list, place after place', async () => {
    const region = await monitoring('regionCode: "56"');
    const byRegion = await data<{ submissionTracking: unknown[] }>(
      `{ submissionTracking(year: 2026, regionCodes: ["56"], asOf: "${AS_OF}") ${TRACKING} }`,
    );
    expect(byRegion.submissionTracking).toEqual(region.submissionTracking);
    const own = await monitoring(`municipalityId: "${demo.municipality.id}"`);
    const byMunicipality = await data<{ submissionTracking: unknown[] }>(
      `{ submissionTracking(year: 2026, municipalityIds: ["${demo.municipality.id}"], asOf: "${AS_OF}") ${TRACKING} }`,
      { role: 'MUNICIPAL_ANALYST', municipality: demo.municipality.id },
    );
    expect(byMunicipality.submissionTracking).toEqual(own.submissionTracking);
  });

  it('a place outside the scope is FORBIDDEN naming it; both kinds of place at once BAD_USER_INPUT', async () => {
    const outside = await post(
      { role: 'REGION_ANALYST', region: '23' },
      { query: `{ submissionTracking(year: 2026, regionCodes: ["56"]) ${TRACKING} }` },
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      action: 'support.monitor',
      argument: 'regionCodes[0]',
    });
    const both = await post(MINISTRY, {
      query: `{ submissionTracking(year: 2026, regionCodes: ["56"], municipalityIds: ["1"]) ${TRACKING} }`,
    });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('the support dashboards’ trusted documents', () => {
  const BI = { role: 'BI_SERVICE', regions: ['56'] };
  const textOf = (name: string) => {
    for (const [id, text] of documents) if (new RegExp(`^query ${name}\\b`).test(text)) return { id, text };
    throw new Error(`no trusted document ${name}`);
  };
  const variablesOf = (): Record<string, Record<string, unknown>> => ({
    ExecutionMonitoringOfMunicipality: {
      year: 2026,
      municipalityId: String(demo.municipality.id),
      asOf: AS_OF,
    },
    ExecutionMonitoringOfRegion: { year: 2026, regionCode: '56', asOf: AS_OF },
    SubmissionTracking: { year: 2026, municipalityId: String(demo.municipality.id), asOf: AS_OF },
    ExecutionSummary: { year: 2026, regionCodes: ['56'], asOf: AS_OF },
    SupportEffect: { year: 2026, regionCodes: ['56'] },
  });

  it.each([
    'ExecutionMonitoringOfMunicipality',
    'ExecutionMonitoringOfRegion',
    'SubmissionTracking',
    'ExecutionSummary',
    'SupportEffect',
  ])('%s by documentId as BI_SERVICE of 56 = the ministry’s free text', async (name) => {
    const { id, text } = textOf(name);
    const variables = variablesOf()[name];
    const byId = await post<Record<string, unknown>>(BI, { documentId: id, variables });
    expect(byId.errors, JSON.stringify(byId.errors)).toBeUndefined();
    const free = await post<Record<string, unknown>>(MINISTRY, { query: text, variables });
    expect(free.errors, JSON.stringify(free.errors)).toBeUndefined();
    expect(byId.data).toEqual(free.data);
    expect(JSON.stringify(byId.data).length).toBeGreaterThan(50);
  });

  it('the BI service account’s free text is refused', async () => {
    const answer = await post(BI, {
      query: textOf('ExecutionSummary').text,
      variables: variablesOf().ExecutionSummary,
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });
});
