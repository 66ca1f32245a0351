import { type Knex } from '@mikro-orm/postgresql';
import { type ConnectionResult, toConnection } from '../graphql/types/page-info.type.js';
import { decodeCursor, encodeCursor } from '../pagination.js';
import { REGION_COLUMNS, type RegionRow } from './region-row.js';

export type { RegionRow } from './region-row.js';

export interface MunicipalityRow {
  id: number;
  name: string;
  regionId: number;
}

/**
 * Regions and municipalities are public reference data (names of places), so they are not scoped;
 * what is inside them (schools, results) is.
 */
export async function regionPage(
  knex: Knex,
  first: number,
  after?: string | null,
): Promise<ConnectionResult<RegionRow>> {
  const query = knex('region').select(...REGION_COLUMNS);
  if (after) query.where('code', '>', String(decodeCursor(after, ['text'])[0] ?? ''));
  const rows: RegionRow[] = await query.orderBy('code').limit(first + 1);
  const total = async () => Number((await knex('region').count({ n: '*' }))[0]?.n ?? 0);
  return toConnection(rows, first, Boolean(after), (r) => encodeCursor([r.code]), total);
}

export async function municipalityPage(
  knex: Knex,
  regionCodes: string[] | null | undefined,
  first: number,
  after?: string | null,
): Promise<ConnectionResult<MunicipalityRow>> {
  const base = () => {
    const q = knex({ m: 'municipality' }).join({ g: 'region' }, 'g.id', 'm.region_id');
    if (regionCodes) q.whereIn('g.code', regionCodes);
    return q;
  };
  const query = base().select('m.id', 'm.name', 'm.region_id as regionId');
  if (after) {
    const [name, id] = decodeCursor(after, ['text', 'int']);
    query.whereRaw('(m.name, m.id) > (?, ?)', [name ?? '', id ?? 0]);
  }
  const rows: MunicipalityRow[] = await query.orderBy(['m.name', 'm.id']).limit(first + 1);
  const total = async () => Number((await base().count({ n: '*' }))[0]?.n ?? 0);
  return toConnection(rows, first, Boolean(after), (r) => encodeCursor([r.name, r.id]), total);
}

export async function regionByCode(knex: Knex, code: string): Promise<RegionRow | null> {
  const row: RegionRow | undefined = await knex('region')
    .select(...REGION_COLUMNS)
    .where({ code })
    .first();
  return row ?? null;
}
