import { type Queryable } from '../../../db/queryable.js';
import { type Scope } from '../../../db/viewer.js';
import { normalizeHeader } from '../../formats/headers.js';
import { type SupportActivity, type SupportEnv, type SupportSchool } from '../../formats/support/common.js';

/**
 * The registry as the support-list formats check rows against it, read once per import inside its
 * transaction (as write/registry.ts does for the result files): schools by code, regions by code
 * and name, municipalities by id and by name within their region, and the importer's own region.
 */
export async function loadSupportEnv(
  db: Queryable,
  scope: Scope,
  options: { activities: boolean },
): Promise<SupportEnv> {
  const schools = new Map<string, SupportSchool>();
  const schoolRows = await db.query<{ code: string; id: number; municipality_id: number; region_id: number }>(
    `select s.code, s.id, s.municipality_id, m.region_id from school s join municipality m on m.id = s.municipality_id`,
  );
  for (const row of schoolRows) {
    schools.set(row.code, {
      id: row.id,
      code: row.code,
      municipalityId: row.municipality_id,
      regionId: row.region_id,
    });
  }
  const regions = new Map<string, number>();
  const today = new Map<number, string>();
  for (const row of await db.query<{ id: number; code: string; name: string; today: string }>(
    `select id, code, name, (now() at time zone time_zone)::date::text as today from region`,
  )) {
    regions.set(normalizeHeader(row.code), row.id);
    regions.set(normalizeHeader(row.name), row.id);
    today.set(row.id, row.today);
  }
  const activities = options.activities ? await loadActivities(db) : new Map<string, SupportActivity[]>();
  const byId = new Map<number, { id: number; regionId: number }>();
  const byName = new Map<string, { id: number; regionId: number }>();
  for (const row of await db.query<{ id: number; region_id: number; name: string }>(
    `select id, region_id, name from municipality`,
  )) {
    const municipality = { id: row.id, regionId: row.region_id };
    byId.set(row.id, municipality);
    byName.set(`${row.region_id}|${normalizeHeader(row.name)}`, municipality);
  }
  return {
    school: (code) => schools.get(code.trim()),
    region: (text) => regions.get(normalizeHeader(text)),
    municipality: (regionId, text) => {
      const found = /^\d+$/.test(text.trim())
        ? byId.get(Number(text))
        : regionId === null
          ? undefined
          : byName.get(`${regionId}|${normalizeHeader(text)}`);
      return found && (regionId === null || found.regionId === regionId) ? found : undefined;
    },
    scope,
    ownRegionId: ownRegionOf(scope, byId),
    today: (regionId) => today.get(regionId) ?? '9999-12-31',
    activities: (roadmapId) => activities.get(roadmapId),
  };
}

/** Every roadmap's activities in their order (a roadmap without activities is known, with none). */
async function loadActivities(db: Queryable): Promise<Map<string, SupportActivity[]>> {
  const byRoadmap = new Map<string, SupportActivity[]>();
  const rows = await db.query<SupportActivity>(
    `select a.id::text as id, r.id::text as "roadmapId", a.number, r.level, r.region_id as "regionId",
       r.municipality_id as "municipalityId", r.school_id as "schoolId",
       to_char(r.period_start, 'YYYY-MM-DD') as "periodStart", a.requires_school_report as "requiresSchoolReport"
     from roadmap r left join activity a on a.roadmap_id = r.id order by r.id, a.ordinal`,
  );
  for (const row of rows) {
    const list = byRoadmap.get(row.roadmapId) ?? [];
    if (row.id !== null) list.push(row);
    byRoadmap.set(row.roadmapId, list);
  }
  return byRoadmap;
}

/** One region the scope lies in (a region analyst's, or a municipal analyst's municipality's); else null. */
function ownRegionOf(scope: Scope, municipalities: ReadonlyMap<number, { regionId: number }>): number | null {
  if (scope.kind === 'REGIONS') return scope.regionIds.length === 1 ? (scope.regionIds[0] ?? null) : null;
  if (scope.kind !== 'MUNICIPALITIES') return null;
  const regions = new Set(scope.municipalityIds.map((id) => municipalities.get(id)?.regionId));
  const [only] = [...regions];
  return regions.size === 1 && only !== undefined ? only : null;
}
