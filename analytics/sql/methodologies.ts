import { paramsHash } from '../methodology/hash.js';
import { DEFAULT_V1, type MethodologyParams } from '../methodology/params.js';
import { type Queryable } from '../../db/queryable.js';

export interface MethodologyVersion {
  name: string;
  description: string;
  basedOn: string | null;
  params: MethodologyParams;
  hash: string;
  createdAt: Date;
  createdBy: string;
}

export const DEFAULT_METHODOLOGY = 'default-v1';

/** The shipped version is data like any other; it is written once and never changed. */
export async function ensureDefaultMethodology(db: Queryable): Promise<void> {
  await db.query(
    `insert into methodology_version (name, description, params, hash, created_by)
     values ($1, $2, $3, $4, 'system') on conflict (name) do nothing`,
    [DEFAULT_METHODOLOGY, 'METHODOLOGY-V1.md as shipped', JSON.stringify(DEFAULT_V1), paramsHash(DEFAULT_V1)],
  );
}

interface VersionRow {
  name: string;
  description: string;
  based_on: string | null;
  params: MethodologyParams;
  hash: string;
  created_at: Date;
  created_by: string;
}

const toVersion = (r: VersionRow): MethodologyVersion => ({
  name: r.name,
  description: r.description,
  basedOn: r.based_on,
  params: r.params,
  hash: r.hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export async function listMethodologies(db: Queryable): Promise<MethodologyVersion[]> {
  const rows = await db.query<VersionRow & Record<string, unknown>>(
    `select * from methodology_version order by created_at, name`,
  );
  return rows.map(toVersion);
}

export async function findMethodology(db: Queryable, name: string): Promise<MethodologyVersion | null> {
  const [row] = await db.query<VersionRow & Record<string, unknown>>(
    `select * from methodology_version where name = $1`,
    [name],
  );
  return row ? toVersion(row) : null;
}

// New versions are written through the ORM: api/services/methodology-versions.service.ts.
