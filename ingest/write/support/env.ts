import { type Queryable } from '../../../db/queryable.js';
import { type Scope } from '../../../db/viewer.js';
import { normalizeHeader } from '../../formats/headers.js';
import { type SupportEnv, type SupportSchool } from '../../formats/support/common.js';

/**
 * The registry as the support-list formats check rows against it, read once per import inside its
 * transaction (as write/registry.ts does for the result files): schools by code, regions by code
 * and name, municipalities by id and by name within their region, and the importer's own region.
 */
export async function loadSupportEnv(db: Queryable, scope: Scope): Promise<SupportEnv> {
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
  for (const row of await db.query<{ id: number; code: string; name: string }>(
    `select id, code, name from region`,
  )) {
    regions.set(normalizeHeader(row.code), row.id);
    regions.set(normalizeHeader(row.name), row.id);
  }
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
  };
}

/** One region the scope lies in (a region analyst's, or a municipal analyst's municipality's); else null. */
function ownRegionOf(scope: Scope, municipalities: ReadonlyMap<number, { regionId: number }>): number | null {
  if (scope.kind === 'REGIONS') return scope.regionIds.length === 1 ? (scope.regionIds[0] ?? null) : null;
  if (scope.kind !== 'MUNICIPALITIES') return null;
  const regions = new Set(scope.municipalityIds.map((id) => municipalities.get(id)?.regionId));
  const [only] = [...regions];
  return regions.size === 1 && only !== undefined ? only : null;
}
