import { type Queryable } from '../../../db/queryable.js';
import { type Decision, type ListStatus } from './rules.js';
import { type EntrySnapshot } from './snapshot.js';

/** SQL of the annual lists: plain rows in, plain rows out; the rules live in rules.ts. */

export interface ListRow {
  id: string;
  year: number;
  regionId: number;
  status: ListStatus;
  methodologyName: string;
  methodologyHash: string;
  methodologyParams: unknown;
  dataVersion: number;
  previousListId: string | null;
  createdBy: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
}

/** A stored entry: the snapshot as written, with the decision that stands. */
export interface EntryRow extends EntrySnapshot {
  listId: string;
  decision: Decision | null;
  justification: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface DecisionRow {
  id: string;
  listId: string;
  schoolId: number;
  decision: Decision;
  justification: string;
  decidedBy: string;
  decidedAt: Date;
}

export const LIST_COLUMNS = `l.id::text as "id", l.year, l.region_id as "regionId", l.status,
  l.methodology_name as "methodologyName", l.methodology_hash as "methodologyHash",
  l.methodology_params as "methodologyParams", l.data_version::int as "dataVersion",
  l.previous_list_id::text as "previousListId", l.created_by as "createdBy", l.created_at as "createdAt",
  l.approved_by as "approvedBy", l.approved_at as "approvedAt", l.published_by as "publishedBy",
  l.published_at as "publishedAt"`;

const ENTRY_COLUMNS = `list_id::text as "listId", school_id as "schoolId", position, school_code as "schoolCode",
  school_name as "schoolName", municipality_id as "municipalityId", status, exit_candidate as "exitCandidate",
  previously_listed as "previouslyListed", evidence, decision, justification, decided_by as "decidedBy",
  decided_at as "decidedAt"`;

type Rows<T> = T & Record<string, unknown>;

/**
 * The list row; `lock`: locked until the end of the transaction, so a decision and an approval
 * of the same list never interleave.
 */
export async function findList(db: Queryable, id: string, lock = false): Promise<ListRow | null> {
  const [row] = await db.query<Rows<ListRow>>(
    `select ${LIST_COLUMNS} from shnor_list l where l.id = $1${lock ? ' for update' : ''}`,
    [id],
  );
  return row ?? null;
}

/** The approved or published list of a year and region, if any (at most one exists). */
export async function frozenListOf(db: Queryable, year: number, regionId: number): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `select id::text as id from shnor_list where year = $1 and region_id = $2 and status <> 'DRAFT'`,
    [year, regionId],
  );
  return row?.id ?? null;
}

/** What a new list is written with; the rest (id, status, stamps) the database fills in. */
export type NewList = Pick<
  ListRow,
  | 'year'
  | 'regionId'
  | 'methodologyName'
  | 'methodologyHash'
  | 'methodologyParams'
  | 'dataVersion'
  | 'previousListId'
  | 'createdBy'
>;

export async function insertList(tx: Queryable, list: NewList): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into shnor_list (year, region_id, methodology_name, methodology_hash, methodology_params, data_version,
       previous_list_id, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id::text as id`,
    [
      list.year,
      list.regionId,
      list.methodologyName,
      list.methodologyHash,
      JSON.stringify(list.methodologyParams),
      list.dataVersion,
      list.previousListId,
      list.createdBy,
    ],
  );
  return (row as { id: string }).id;
}

/** All entries of a new list in one statement (arrays unnested side by side). */
export async function insertEntries(tx: Queryable, listId: string, entries: readonly EntrySnapshot[]) {
  await tx.query(
    `insert into shnor_list_entry (list_id, school_id, position, school_code, school_name, municipality_id, status,
       exit_candidate, previously_listed, evidence)
     select $1, * from unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::bool[],
       $9::bool[], $10::jsonb[])`,
    [
      listId,
      entries.map((e) => e.schoolId),
      entries.map((e) => e.position),
      entries.map((e) => e.schoolCode),
      entries.map((e) => e.schoolName),
      entries.map((e) => e.municipalityId),
      entries.map((e) => e.status),
      entries.map((e) => e.exitCandidate),
      entries.map((e) => e.previouslyListed),
      entries.map((e) => JSON.stringify(e.evidence)),
    ],
  );
}

/** The entries of several lists, in list order. */
export async function readEntries(db: Queryable, listIds: readonly string[]): Promise<EntryRow[]> {
  return db.query<Rows<EntryRow>>(
    `select ${ENTRY_COLUMNS} from shnor_list_entry where list_id = any($1::bigint[]) order by list_id, position`,
    [listIds],
  );
}

export async function readDecisions(db: Queryable, listIds: readonly string[]): Promise<DecisionRow[]> {
  return db.query<Rows<DecisionRow>>(
    `select id::text as id, list_id::text as "listId", school_id as "schoolId", decision, justification,
       decided_by as "decidedBy", decided_at as "decidedAt"
     from shnor_list_decision where list_id = any($1::bigint[]) order by shnor_list_decision.id`,
    [listIds],
  );
}

/**
 * Records a decision as the entry's current one and in the history; null when the school (by the
 * code it had at snapshot time) is not an entry of the list.
 */
export async function writeDecision(
  tx: Queryable,
  d: Omit<DecisionRow, 'id' | 'decidedAt' | 'schoolId'> & { schoolCode: string },
): Promise<EntryRow | null> {
  const [entry] = await tx.query<Rows<EntryRow>>(
    `update shnor_list_entry set decision = $1, justification = $2, decided_by = $3, decided_at = now()
     where list_id = $4 and school_code = $5 returning ${ENTRY_COLUMNS}`,
    [d.decision, d.justification, d.decidedBy, d.listId, d.schoolCode],
  );
  if (!entry) return null;
  // the history gets the very same time as the entry (now() of this transaction)
  await tx.query(
    `insert into shnor_list_decision (list_id, school_id, decision, justification, decided_by, decided_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [d.listId, entry.schoolId, d.decision, d.justification, d.decidedBy, entry.decidedAt],
  );
  return entry;
}

/** Moves a list to APPROVED or PUBLISHED, stamping who and when. */
export async function setListStatus(
  tx: Queryable,
  id: string,
  status: 'APPROVED' | 'PUBLISHED',
  actor: string,
): Promise<void> {
  const stamp = status === 'APPROVED' ? 'approved' : 'published';
  await tx.query(`update shnor_list set status = $1, ${stamp}_by = $2, ${stamp}_at = now() where id = $3`, [
    status,
    actor,
    id,
  ]);
}

/** Approvals change who can be an EXIT candidate the year after: the cached ШНОР years are keyed by this. */
export async function bumpListsVersion(tx: Queryable): Promise<void> {
  await tx.query(`update data_version set lists_version = lists_version + 1 where id = 1`);
}
