import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { SUPPORT_IMPORT_KINDS } from '../../ingest/formats/types.js';
import { type RunningServer } from '../../api/server.js';
import { startTestServer, testDatabaseUrl } from '../support/server.js';

/**
 * Every role against the same probes, each trying to reach outside the viewer's scope by a
 * different path: lists, single objects, nested analytics, aggregates, analytics queries, dynamics,
 * cohorts, the audit log and mutations. Expected figures come from SQL over the viewer's slice.
 */
const SECRET = 'role-matrix-secret-of-at-least-32-bytes';
const INSIDE_REGION = '56';
const OUTSIDE_REGION = '23';
let server: RunningServer;
let db: pg.Pool;

interface Place {
  municipality: number;
  inside: string;
  outside: string;
}
let place: Place;

type Answer = {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; argument?: string; action?: string } }[];
};

beforeAll(async () => {
  server = await startTestServer({ AUTH_DEV_MODE: '0', AUTH_JWT_SECRET: SECRET, PUBLIC_ACCESS: '1' });
  db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const schoolIn = async (regionCode: string) =>
    (
      await db.query<{ code: string; municipality: number }>(
        `select s.code, s.municipality_id as municipality from school s
         join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id
         where g.code = $1 and exists (select 1 from vpr_result v where v.school_id = s.id and v.year = 2026)
         order by s.code limit 1`,
        [regionCode],
      )
    ).rows[0]!;
  const inside = await schoolIn(INSIDE_REGION);
  const outside = await schoolIn(OUTSIDE_REGION);
  place = { municipality: inside.municipality, inside: inside.code, outside: outside.code };
  // A draft list of the region outside every slice but the ministry's (a draft changes no EXIT).
  const created = ok(
    await ask('MINISTRY', `mutation { createShnorList(year: 2026, regionCode: "${OUTSIDE_REGION}") { id } }`),
  );
  outsideList = (created.createShnorList as { id: string }).id;
});
let outsideList = '';
afterAll(async () => {
  await server.close();
  await db.end();
});

type RoleName = 'MINISTRY' | 'REGION_ANALYST' | 'MUNICIPAL_ANALYST' | 'SCHOOL' | 'BI_SERVICE' | 'PUBLIC';
const ROLES: RoleName[] = [
  'MINISTRY',
  'REGION_ANALYST',
  'MUNICIPAL_ANALYST',
  'SCHOOL',
  'BI_SERVICE',
  'PUBLIC',
];

async function tokenOf(role: RoleName): Promise<string | undefined> {
  switch (role) {
    case 'MINISTRY':
      return mintToken(SECRET, { role, sub: 'm' });
    case 'REGION_ANALYST':
      return mintToken(SECRET, { role, region: INSIDE_REGION, sub: 'r' });
    case 'MUNICIPAL_ANALYST':
      return mintToken(SECRET, { role, municipality: place.municipality, sub: 'mu' });
    case 'SCHOOL':
      return mintToken(SECRET, { role, school: place.inside, sub: 's' });
    case 'BI_SERVICE':
      return mintToken(SECRET, { role, regions: [INSIDE_REGION], sub: 'bi' });
    case 'PUBLIC':
      return undefined;
  }
}

/** The SQL condition on `s` (school) for a role's slice; PUBLIC's school-level slice is empty. */
function sliceOf(role: RoleName): string {
  switch (role) {
    case 'MINISTRY':
      return 'true';
    case 'REGION_ANALYST':
    case 'BI_SERVICE':
      return `g.code = '${INSIDE_REGION}'`;
    case 'MUNICIPAL_ANALYST':
      return `s.municipality_id = ${place.municipality}`;
    case 'SCHOOL':
      return `s.code = '${place.inside}'`;
    case 'PUBLIC':
      return 'false';
  }
}

const FROM_SCHOOLS = `from school s join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id`;

async function sqlNumber(sql: string): Promise<number> {
  return Number((await db.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
}

async function ask(role: RoleName, query: string): Promise<Answer> {
  const token = await tokenOf(role);
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

function ok(answer: Answer): Record<string, unknown> {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!;
}

const codeOf = (answer: Answer) => answer.errors?.[0]?.extensions?.code;

describe.each(ROLES)('%s', (role) => {
  const isMinistry = role === 'MINISTRY';
  const isPublic = role === 'PUBLIC';

  it('lists and looks up only the schools of its slice', async () => {
    const data = ok(
      await ask(
        role,
        `{ schools(first: 1) { totalCount } inside: school(code: "${place.inside}") { code }
           outside: school(code: "${place.outside}") { code } }`,
      ),
    );
    expect((data.schools as { totalCount: number }).totalCount).toBe(
      await sqlNumber(`select count(*) as n ${FROM_SCHOOLS} where ${sliceOf(role)}`),
    );
    expect(data.inside).toEqual(isPublic ? null : { code: place.inside });
    expect(data.outside).toEqual(isMinistry ? { code: place.outside } : null);
  });

  it('aggregates count no row outside the slice, also when asked for another region', async () => {
    const data = ok(
      await ask(
        role,
        `{ all: vprStatistics(filter: { years: [2026] }) { nodes { participants } }
           other: vprStatistics(groupBy: [REGION], filter: { years: [2026], regionCodes: ["${OUTSIDE_REGION}"] }) { nodes { participants } } }`,
      ),
    );
    // PUBLIC sees region and municipality aggregates over all schools: that is public statistics.
    const slice = isPublic ? 'true' : sliceOf(role);
    const sum = (rows: unknown) =>
      (rows as { nodes: { participants: number }[] }).nodes.reduce((a, r) => a + r.participants, 0);
    const participants = (extra: string) =>
      sqlNumber(`select coalesce(sum(v.participants), 0) as n ${FROM_SCHOOLS} join vpr_result v on v.school_id = s.id
                 where v.year = 2026 and ${slice} ${extra}`);
    expect(sum(data.all)).toBe(await participants(''));
    expect(sum(data.other)).toBe(await participants(`and g.code = '${OUTSIDE_REGION}'`));
  });

  it('analytics of another region are empty; of its own slice, no wider than the slice', async () => {
    const data = ok(
      await ask(
        role,
        `{ other: shnorCandidates(year: 2026, filter: { regionCodes: ["${OUTSIDE_REGION}"] }) { totalCount }
           own: shnorCandidates(year: 2026) { totalCount }
           markers: objectivityMarkers(year: 2026, filter: { regionCodes: ["${OUTSIDE_REGION}"] }) { totalCount }
           profiles: riskProfiles(year: 2026, filter: { schoolCodes: ["${place.outside}"] }) { totalCount }
           summary: riskFactorSummary(year: 2026) { rows { factor region { code } high medium low noData } } }`,
      ),
    );
    const total = (key: string) => (data[key] as { totalCount: number }).totalCount;
    const slice = await sqlNumber(`select count(*) as n ${FROM_SCHOOLS} where ${sliceOf(role)}`);
    if (isMinistry) {
      expect(total('other')).toBeGreaterThan(0);
      expect(total('profiles')).toBe(1);
    } else {
      expect(total('other')).toBe(0);
      expect(total('markers')).toBe(0);
      expect(total('profiles')).toBe(0);
    }
    expect(total('own')).toBeLessThanOrEqual(slice);
    if (!isPublic) expect(total('own')).toBeGreaterThan(0);
    const rows = (
      data.summary as {
        rows: {
          factor: number;
          region: { code: string };
          high: number;
          medium: number;
          low: number;
          noData: number;
        }[];
      }
    ).rows;
    const counted = rows
      .filter((r) => r.factor === 1)
      .reduce((a, r) => a + r.high + r.medium + r.low + r.noData, 0);
    expect(counted).toBeLessThanOrEqual(slice);
    if (!isMinistry) expect(rows.every((r) => r.region.code === INSIDE_REGION)).toBe(true);
  });

  it('nested analytics of its own school work; dynamics and cohorts of other schools do not', async () => {
    const nested = ok(
      await ask(role, `{ school(code: "${place.inside}") { analytics(year: 2026) { lowIndex } } }`),
    );
    if (isPublic) expect(nested.school).toBeNull();
    else
      expect((nested.school as { analytics: { lowIndex: number | null } }).analytics.lowIndex).not.toBeNull();

    const dynamics = await ask(
      role,
      `{ dynamics(entity: SCHOOL, id: "${place.outside}", indicator: LOW_INDEX) { points { value } } }`,
    );
    const cohort = await ask(
      role,
      `{ cohort(schoolCode: "${place.outside}", startYear: 2022, subject: RU) { steps { grade } } }`,
    );
    if (isMinistry) {
      ok(dynamics);
      ok(cohort);
    } else {
      expect(codeOf(dynamics)).toBe('BAD_USER_INPUT');
      expect(codeOf(cohort)).toBe('BAD_USER_INPUT');
    }
    // A region is public reference data, but the schools counted inside it are the viewer's.
    const region = ok(
      await ask(
        role,
        `{ dynamics(entity: REGION, id: "${OUTSIDE_REGION}", indicator: VPR_LOW) { points { denominator } } }`,
      ),
    );
    const denominators = (region.dynamics as { points: { denominator: number | null }[] }).points.map(
      (p) => p.denominator ?? 0,
    );
    if (isMinistry) expect(Math.max(...denominators)).toBeGreaterThan(0);
    else expect(denominators.every((d) => d === 0)).toBe(true);
  });

  it('exports hold the slice only: another region’s candidates are a header alone, per-school rows never public', async () => {
    const token = await tokenOf(role);
    const download = async (path: string) => {
      const response = await fetch(`${server.url}${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, lines: (await response.text()).split('\r\n').filter(Boolean) };
    };
    const other = await download(`/export/candidates.csv?year=2026&regionCodes=${OUTSIDE_REGION}`);
    expect(other.status).toBe(200);
    if (isMinistry) expect(other.lines.length).toBeGreaterThan(1);
    else expect(other.lines.length).toBe(1);
    // every variant reads through the same scope: the BI CSV holds the header alone too …
    const machine = await download(
      `/export/candidates.csv?year=2026&regionCodes=${OUTSIDE_REGION}&variant=machine`,
    );
    expect(machine.status).toBe(200);
    if (isMinistry) expect(machine.lines.length).toBe(other.lines.length);
    else expect(machine.lines.length).toBe(1);
    // … and another region's list, whole or as the order's appendix, is not found
    for (const variant of ['', '&variant=appendix', '&variant=machine']) {
      const list = await download(`/export/shnor-list.csv?listId=${outsideList}${variant}`);
      expect(list.status, variant).toBe(isMinistry ? 200 : 404);
      if (isMinistry) expect(list.lines.length, variant).toBeGreaterThan(1);
    }
    const perSchool = await download('/export/vpr-statistics.csv?groupBy=SCHOOL&years=2026');
    if (isPublic) expect(perSchool.status).toBe(403);
    else {
      expect(perSchool.status).toBe(200);
      expect(perSchool.lines.length - 1).toBe(
        await sqlNumber(
          `select count(distinct s.id) as n ${FROM_SCHOOLS} join vpr_result v on v.school_id = s.id where v.year = 2026 and ${sliceOf(role)}`,
        ),
      );
    }
  });

  it('the audit log is the ministry’s; methodology versions are the ministry’s and regional analysts’', async () => {
    const log = await ask(role, `{ auditLog(first: 1) { totalCount } }`);
    if (isMinistry) ok(log);
    else expect(codeOf(log)).toBe('FORBIDDEN');
    const name = `matrix-${role.toLowerCase().replace(/_/g, '-')}`;
    const created = await ask(
      role,
      `mutation { createMethodologyVersion(name: "${name}", changes: {}) { name } }`,
    );
    if (role === 'MINISTRY' || role === 'REGION_ANALYST')
      expect(ok(created).createMethodologyVersion).toEqual({ name });
    else {
      expect(codeOf(created)).toBe('FORBIDDEN');
      expect(await sqlNumber(`select count(*) as n from methodology_version where name = '${name}'`)).toBe(0);
    }
  });
});

/** What each refusal names: the action of api/auth/permissions.ts (and the argument, where one asked for it). */
describe.each(ROLES)('%s: refused actions name themselves', (role) => {
  const isMinistry = role === 'MINISTRY';
  const isPublic = role === 'PUBLIC';
  const isEditor = role === 'MINISTRY' || role === 'REGION_ANALYST';
  const extensionsOf = (answer: Answer) => answer.errors?.[0]?.extensions;

  it('GraphQL: FORBIDDEN with extensions.action; an allowed role gets past the check', async () => {
    const log = await ask(role, `{ auditLog(first: 1) { totalCount } }`);
    if (isMinistry) ok(log);
    else expect(extensionsOf(log)).toEqual({ code: 'FORBIDDEN', action: 'audit.read' });

    const imports = await ask(role, `{ imports(first: 1) { totalCount } }`);
    if (isEditor) ok(imports);
    else expect(extensionsOf(imports)).toEqual({ code: 'FORBIDDEN', action: 'imports.read' });

    // A name that is never stored: the role is checked before it.
    const stored = await ask(role, `mutation { createMethodologyVersion(name: "X", changes: {}) { name } }`);
    if (isEditor) expect(extensionsOf(stored)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'name' });
    else expect(extensionsOf(stored)).toEqual({ code: 'FORBIDDEN', action: 'methodology.store' });

    // The ministry gets to the lookup (of a list that does not exist); a regional analyst is refused
    // another region's list, every other role any list.
    const approve = await ask(
      role,
      `mutation { approveShnorList(listId: "${isMinistry ? '999999' : outsideList}") { status } }`,
    );
    if (isMinistry)
      expect(extensionsOf(approve)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'listId' });
    else expect(extensionsOf(approve)).toEqual({ code: 'FORBIDDEN', action: 'lists.approve' });

    const perSchool = await ask(
      role,
      `{ vprStatistics(groupBy: [SCHOOL], filter: { years: [2026] }, first: 1) { totalCount } }`,
    );
    if (isPublic)
      expect(extensionsOf(perSchool)).toEqual({
        code: 'FORBIDDEN',
        action: 'statistics.perSchool',
        argument: 'groupBy',
      });
    else ok(perSchool);

    // Only where refused: an allowed what-if is a country-wide build.
    if (isPublic) {
      const whatIf = await ask(
        role,
        `{ shnorCandidates(year: 2026, first: 1, overrides: { markers: { minMarkerN: 12 } }) { totalCount } }`,
      );
      expect(extensionsOf(whatIf)).toEqual({
        code: 'FORBIDDEN',
        action: 'analytics.whatIf',
        argument: 'overrides',
      });
    }
  });

  it('HTTP: an import by another role and a refused export answer 403', async () => {
    const token = await tokenOf(role);
    const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (!isEditor) {
      const upload = await fetch(`${server.url}/import/vpr?filename=refused.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...authorization },
        body: 'not read\n',
      });
      expect(upload.status).toBe(403);
      expect(await upload.json()).toEqual({
        errors: [
          {
            message: 'Imports are for the ministry and region analysts',
            extensions: { code: 'FORBIDDEN', action: 'imports.run' },
          },
        ],
      });
    }
    // The support lists: the ministry's and the analysts' (support.import); a file without the
    // columns is then refused as a file (422), a role without the permission at the door (403).
    const importsSupport = ['MINISTRY', 'REGION_ANALYST', 'MUNICIPAL_ANALYST'].includes(role);
    for (const kind of SUPPORT_IMPORT_KINDS) {
      const upload = await fetch(`${server.url}/import/${kind}?filename=x.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...authorization },
        body: 'x\n',
      });
      const body = (await upload.json()) as { errors: { extensions?: Record<string, unknown> }[] };
      if (importsSupport) expect([kind, upload.status]).toEqual([kind, 422]);
      else {
        expect([kind, upload.status]).toEqual([kind, 403]);
        expect(body.errors[0]?.extensions).toEqual({ code: 'FORBIDDEN', action: 'support.import' });
      }
    }
    // The roadmap upload is a roadmap's write (support.plan): the ministry gets to the table.
    const roadmap = await fetch(
      `${server.url}/import/roadmap?level=REGION&region=${INSIDE_REGION}&listYear=2026&period=2026-09-01..2027-08-31`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true', ...authorization },
        body: 'no table\n',
      },
    );
    const roadmapBody = (await roadmap.json()) as { errors: { extensions?: Record<string, unknown> }[] };
    if (role === 'BI_SERVICE' || isPublic) {
      expect(roadmap.status).toBe(403);
      expect(roadmapBody.errors[0]?.extensions).toEqual({ code: 'FORBIDDEN', action: 'support.plan' });
    } else if (isMinistry) {
      expect(roadmap.status).toBe(400);
      expect(roadmapBody.errors[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NO_HEADER',
      });
    } else {
      // the region's own roadmap: its analyst's; a municipality or a school may not write it
      expect(roadmap.status).toBe(role === 'REGION_ANALYST' ? 400 : 403);
    }
    if (isPublic) {
      const perSchool = await fetch(`${server.url}/export/vpr-statistics.csv?groupBy=SCHOOL&years=2026`, {
        headers: authorization,
      });
      expect(perSchool.status).toBe(403);
      const body = (await perSchool.json()) as Omit<Answer, 'status'>;
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        action: 'statistics.perSchool',
        argument: 'groupBy',
      });
    }
  });
});
