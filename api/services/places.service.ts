import { type Queryable } from '../../db/queryable.js';
import { sql } from '../../db/sql.js';
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
  db: Queryable,
  first: number,
  after?: string | null,
): Promise<ConnectionResult<RegionRow>> {
  const from = after ? sql`code > ${String(decodeCursor(after, ['text'])[0] ?? '')}` : null;
  const rows = await db.query<RegionRow>(
    sql`select ${REGION_COLUMNS} from region ${sql.where([from])} order by code limit ${first + 1}`,
  );
  const total = async () =>
    Number((await db.query<{ n: string }>(sql`select count(*) as n from region`))[0]?.n ?? 0);
  return toConnection(rows, first, Boolean(after), (r) => encodeCursor([r.code]), total);
}

export async function municipalityPage(
  db: Queryable,
  regionCodes: string[] | null | undefined,
  first: number,
  after?: string | null,
): Promise<ConnectionResult<MunicipalityRow>> {
  const from = sql`municipality m join region g on g.id = m.region_id`;
  const ofRegions = regionCodes ? sql.in(sql`g.code`, regionCodes) : null;
  const [name, id] = after ? decodeCursor(after, ['text', 'int']) : [];
  const afterKey = after ? sql`(m.name, m.id) > (${name ?? ''}, ${id ?? 0})` : null;
  const rows = await db.query<MunicipalityRow>(
    sql`select m.id, m.name, m.region_id as "regionId" from ${from} ${sql.where([ofRegions, afterKey])}
      order by m.name, m.id limit ${first + 1}`,
  );
  const total = async () =>
    Number(
      (await db.query<{ n: string }>(sql`select count(*) as n from ${from} ${sql.where([ofRegions])}`))[0]
        ?.n ?? 0,
    );
  return toConnection(rows, first, Boolean(after), (r) => encodeCursor([r.name, r.id]), total);
}

export async function regionByCode(db: Queryable, code: string): Promise<RegionRow | null> {
  const [row] = await db.query<RegionRow>(
    sql`select ${REGION_COLUMNS} from region where code = ${code} limit 1`,
  );
  return row ?? null;
}
