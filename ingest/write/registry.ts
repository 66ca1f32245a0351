import { type Queryable } from '../../db/queryable.js';
import { type Scope } from '../../db/viewer.js';
import { normalizeHeader } from '../formats/headers.js';
import { type KnownSchool, type ValidationEnv } from '../formats/types.js';

/**
 * The school registry and regions, read once per import inside its transaction: row checks against
 * them (unknown school, outside the importer's region) then cost a map lookup instead of a join over
 * the staged rows. 40 000 schools take a few MB; the foreign keys stay the final guard.
 */
export async function loadValidationEnv(db: Queryable, scope: Scope): Promise<ValidationEnv> {
  const schools = new Map<string, KnownSchool>();
  const schoolRows = await db.query<{ code: string; id: number; region_id: number }>(
    `select s.code, s.id, m.region_id from school s join municipality m on m.id = s.municipality_id`,
  );
  for (const row of schoolRows) schools.set(row.code, { id: row.id, regionId: row.region_id });
  const regions = new Map<string, number>();
  for (const row of await db.query<{ id: number; name: string }>(`select id, name from region`)) {
    regions.set(normalizeHeader(row.name), row.id);
  }
  return {
    school: (code) => schools.get(code),
    region: (name) => regions.get(normalizeHeader(name)),
    regionIds: regionIdsOf(scope),
  };
}

/** The regions an importer may write: all (null) for the ministry, its own for a region analyst, none otherwise. */
export function regionIdsOf(scope: Scope): readonly number[] | null {
  switch (scope.kind) {
    case 'ALL':
      return null;
    case 'REGIONS':
      return scope.regionIds;
    default:
      return [];
  }
}
