import { type Queryable } from '../../db/queryable.js';
import { OFFICIAL_REGIONS } from '../../schema/regions.js';
import { normalizeHeader } from '../formats/headers.js';
import { STAGING, type Target } from './targets.js';

/**
 * Staging → target by natural key. A row with the same key and other values replaces the old one
 * whole (columns empty in the file become NULL); a row equal to the stored one is not written, so
 * the count of rows returned splits into inserted (xmax = 0: a new tuple) and updated.
 */

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

function upsertSql(
  table: string,
  keys: readonly string[],
  values: readonly string[],
  source: string,
): string {
  const columns = [...keys, ...values];
  const changed = `(${values.map((c) => `t.${c}`).join(', ')}) is distinct from (${values.map((c) => `excluded.${c}`).join(', ')})`;
  return `with up as (
      insert into ${table} as t (${columns.join(', ')}) ${source}
      on conflict (${keys.join(', ')}) do update set ${values.map((c) => `${c} = excluded.${c}`).join(', ')}
      where ${changed}
      returning (t.xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from up`;
}

async function counts(db: Queryable, sql: string): Promise<UpsertCounts> {
  const [row] = await db.query<UpsertCounts & Record<string, unknown>>(sql);
  return { inserted: row?.inserted ?? 0, updated: row?.updated ?? 0 };
}

/**
 * Whether the target holds no row for any (school, year) of the file — the usual case of a new
 * year's file. Every result table's key starts with (school_id, year), so this is one index probe
 * per school-year of the file instead of one per row.
 */
export async function onlyNewRows(db: Queryable, target: Target): Promise<boolean> {
  const [row] = await db.query<{ stored: boolean }>(
    `select exists (select 1 from (select distinct school_id, year from ${STAGING}) k
       where exists (select 1 from ${target.table} t where t.school_id = k.school_id and t.year = k.year)) as stored`,
  );
  return row?.stored === false;
}

/**
 * ВПР, ОГЭ, ЕГЭ, indicators (staging columns are the target's). Rows of school-years not stored
 * yet go in with a plain INSERT: ON CONFLICT's speculative insertion costs about half again as much
 * per row. A repeated key in the file then fails the INSERT (unique violation). The upsert cannot be
 * trusted to notice one (a repeat equal to the stored row changes nothing, so it is not "affected
 * twice"): callers check `hasRepeatedKeys` first on that path.
 */
export async function upsertResults(db: Queryable, target: Target, onlyNew: boolean): Promise<UpsertCounts> {
  const columns = [...target.keys, ...target.values].join(', ');
  const source = `select ${columns} from ${STAGING}`;
  if (onlyNew) {
    const [row] = await db.query<{ n: number }>(
      `with ins as (insert into ${target.table} (${columns}) ${source} returning 1) select count(*)::int as n from ins`,
    );
    return { inserted: row?.n ?? 0, updated: 0 };
  }
  return counts(db, upsertSql(target.table, target.keys, target.values, source));
}

const OFFICIAL_CODES: ReadonlyMap<string, string> = new Map(
  OFFICIAL_REGIONS.map((r) => [normalizeHeader(r.name), r.code]),
);

/**
 * A code for a new region: its official two-digit code when the name is a субъект РФ (as the seed
 * uses), else «X» and the next free number — stable enough, and visibly not an official code.
 */
function regionCode(name: string, taken: Set<string>): string {
  const official = OFFICIAL_CODES.get(normalizeHeader(name));
  if (official && !taken.has(official)) return official;
  for (let n = 1; ; n++) if (!taken.has(`X${n}`)) return `X${n}`;
}

export interface SchoolUpsertCounts extends UpsertCounts {
  createdRegions: number;
  createdMunicipalities: number;
}

/** The registry: missing regions and municipalities first (matched by name, case ignored), then schools. */
export async function upsertSchools(db: Queryable): Promise<SchoolUpsertCounts> {
  const missing = await db.query<{ name: string }>(
    `select distinct on (lower(s.region_name)) s.region_name as name from ${STAGING} s
     where not exists (select 1 from region r where lower(r.name) = lower(s.region_name))
     order by lower(s.region_name), s.line`,
  );
  const taken = new Set((await db.query<{ code: string }>(`select code from region`)).map((r) => r.code));
  for (const { name } of missing) {
    const code = regionCode(name, taken);
    taken.add(code);
    await db.query(`insert into region (code, name) values ($1, $2)`, [code, name]);
  }
  const municipalities = await db.query(
    `insert into municipality (region_id, name)
     select distinct on (r.id, lower(s.municipality_name)) r.id, s.municipality_name from ${STAGING} s
     join region r on lower(r.name) = lower(s.region_name)
     where not exists (select 1 from municipality m where m.region_id = r.id and lower(m.name) = lower(s.municipality_name))
     order by r.id, lower(s.municipality_name), s.line
     returning id`,
  );
  const source = `select s.code, s.name, m.id, s.type, s.locality, s.students from ${STAGING} s
    join region r on lower(r.name) = lower(s.region_name)
    join municipality m on m.region_id = r.id and lower(m.name) = lower(s.municipality_name)`;
  const result = await counts(
    db,
    upsertSql('school', ['code'], ['name', 'municipality_id', 'type', 'locality', 'students'], source),
  );
  return { ...result, createdRegions: missing.length, createdMunicipalities: municipalities.length };
}

/** Whether two staged rows share a natural key (one hash aggregate over the staging table). */
export async function hasRepeatedKeys(db: Queryable, target: Target): Promise<boolean> {
  const [row] = await db.query<{ repeated: boolean }>(
    `select exists (select 1 from ${STAGING} group by ${target.keys.join(', ')} having count(*) > 1) as repeated`,
  );
  return row?.repeated === true;
}
