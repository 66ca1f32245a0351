import { type ShnorStatus } from '../../../analytics/shnor/index.js';
import { type Queryable } from '../../../db/queryable.js';
import { type Decision, isIncluded } from './rules.js';

/**
 * Schools included in the approved (or published) lists of `year`, every region: the only schools
 * that can be EXIT candidates in year + 1 (METHODOLOGY-V1 §2). One statement.
 */
export async function approvedListSchools(db: Queryable, year: number): Promise<Set<number>> {
  const rows = await db.query<{ school_id: number; status: ShnorStatus; decision: Decision | null }>(
    `select e.school_id, e.status, e.decision from shnor_list l join shnor_list_entry e on e.list_id = l.id
     where l.year = $1 and l.status <> 'DRAFT'`,
    [year],
  );
  // Inclusion is decided by the one rule of rules.ts, not restated in SQL.
  return new Set(rows.filter((r) => isIncluded({ ...r, previouslyListed: false })).map((r) => r.school_id));
}
