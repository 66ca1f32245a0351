import { type VprCell } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { type Queryable } from '../../db/queryable.js';

/**
 * The ВПР rows that may carry a marker under the given parameters — a superset (thresholds loosened
 * by a hair so floating point cannot drop a case), chosen in SQL so that the exact rules in
 * analytics/markers judge a few thousand rows instead of five million.
 */
const CANDIDATES_SQL = `
with region as not materialized (
  select region_id, year, grade, subject, (n4 + n5)::float8 / participants as quality,
         (2 * n2 + 3 * n3 + 4 * n4 + 5 * n5)::float8 / participants as mean_mark
  from vpr_region_cell
),
-- one pass over the rows for the three single-row markers
single as not materialized (
  select v.school_id, v.year, v.grade, v.subject
  from vpr_result v join school s on s.id = v.school_id join municipality m on m.id = s.municipality_id
  left join region r on r.region_id = m.region_id and r.year = v.year and r.grade = v.grade and r.subject = v.subject
  where v.participants >= $1::int and (
    (not (s.type::text = any($2::text[])) and (v.n4 + v.n5)::float8 / v.participants - r.quality >= $3::float8 - 1e-9)
    or (v.raised is not null and v.raised::float8 / v.participants >= $4::float8 - 1e-9)
    or (v.scores is not null and exists (
      select 1 from unnest(v.scores) with ordinality u(cnt, i)
      where (i - 1) >= $5::float8 * v.max_score - 1e-9 and cnt::float8 / v.participants >= $6::float8 - 1e-9)))
),
-- grade 4 in y against grade 5 in y + 1 of the same school and subject
cohort as materialized (
  select a.school_id, a.subject, a.year as y4
  from vpr_result a
  join vpr_result b on b.school_id = a.school_id and b.subject = a.subject and b.year = a.year + 1 and b.grade = 5
  join school s on s.id = a.school_id join municipality m on m.id = s.municipality_id
  join region ra on ra.region_id = m.region_id and ra.year = a.year and ra.grade = 4 and ra.subject = a.subject
  join region rb on rb.region_id = m.region_id and rb.year = b.year and rb.grade = 5 and rb.subject = a.subject
  where a.grade = 4 and a.participants >= $7::int and b.participants >= $8::int and a.subject::text = any($9::text[])
    and ((2 * a.n2 + 3 * a.n3 + 4 * a.n4 + 5 * a.n5)::float8 / a.participants
       - (2 * b.n2 + 3 * b.n3 + 4 * b.n4 + 5 * b.n5)::float8 / b.participants)
       - (ra.mean_mark - rb.mean_mark) >= $10::float8 - 1e-9
),
keys as materialized (
  select * from single
  union
  select school_id, y4, 4::smallint, subject from cohort
  union
  select school_id, (y4 + 1)::smallint, 5::smallint, subject from cohort
)
select v.school_id as "schoolId", m.region_id as "regionId", s.type::text as "schoolType", v.year, v.grade,
       v.subject::text as subject, v.participants, v.n2, v.n3, v.n4, v.n5, v.raised, v.scores, v.max_score as "maxScore"
from keys k
join vpr_result v on v.school_id = k.school_id and v.year = k.year and v.grade = k.grade and v.subject = k.subject
join school s on s.id = v.school_id join municipality m on m.id = s.municipality_id`;

export async function readMarkerCandidates(db: Queryable, p: MethodologyParams): Promise<VprCell[]> {
  const m = p.markers;
  return db.query<VprCell & Record<string, unknown>>(CANDIDATES_SQL, [
    m.minMarkerN,
    m.highVsRegionExemptTypes,
    m.highVsRegionQualityGap,
    m.journalRaisedShare,
    m.spikeScoreFraction,
    m.spikeShare,
    m.minMarkerN,
    m.minMarkerN,
    m.cohortSubjects,
    m.cohortDropMeanMark,
  ]);
}
