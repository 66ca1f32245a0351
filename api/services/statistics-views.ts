import { ratio, round12 } from '../../analytics/arithmetic.js';
import { markShares } from '../../analytics/marks.js';
import { type Queryable } from '../../db/queryable.js';
import { sql, type Sql } from '../../db/sql.js';
import { type Viewer } from '../../db/viewer.js';
import { GiaExam, type StatisticsDimension } from '../graphql/enums.js';
import { type ResultFilter } from '../graphql/inputs/result-filter.input.js';
import { toConnection } from '../graphql/types/page-info.type.js';
import { groupedSums, type NestedRow, type ResultTable } from './statistics.service.js';

export interface StatisticsArgs {
  filter?: ResultFilter | null;
  groupBy: StatisticsDimension[];
  first: number;
  after?: string | null;
  /** config.publicData.minSchools: the public sees no smaller group. */
  publicMinSchools: number;
  /** Whether the rows report schoolCount (asked for in the selection). */
  schoolCount: boolean;
}

const MARK_SUMS = {
  participants: sql`coalesce(sum(r.participants), 0)::int`,
  n2: sql`coalesce(sum(r.n2), 0)::int`,
  n3: sql`coalesce(sum(r.n3), 0)::int`,
  n4: sql`coalesce(sum(r.n4), 0)::int`,
  n5: sql`coalesce(sum(r.n5), 0)::int`,
};

type Counts = { participants: number; n2: number; n3: number; n4: number; n5: number };

async function page<T>(
  db: Queryable,
  viewer: Viewer,
  table: ResultTable,
  sums: Record<string, Sql>,
  args: StatisticsArgs,
  map: (row: NestedRow) => T,
) {
  const { rows, totalCount, suppressed, cursorAt } = await groupedSums(db, viewer, {
    table,
    sums,
    ...args,
  });
  const mapped = rows.map(map);
  const connection = toConnection(
    mapped,
    args.first,
    Boolean(args.after),
    (_row, index) => cursorAt(index),
    totalCount,
  );
  // Object.assign would read (and run) the lazy totalCount getter: define the field beside it.
  return Object.defineProperty(connection, 'suppressedGroups', {
    value: suppressed,
    enumerable: true,
  }) as typeof connection & { suppressedGroups: number };
}

export function vprStatistics(db: Queryable, viewer: Viewer, args: StatisticsArgs) {
  return page(db, viewer, 'vpr_result', MARK_SUMS, args, (row) => ({
    ...row,
    ...markShares(row as unknown as Counts),
  }));
}

/** ОГЭ reports marks and the mean primary score; ЕГЭ the below-minimum count and mean test score. */
export function giaStatistics(db: Queryable, viewer: Viewer, exam: GiaExam, args: StatisticsArgs) {
  if (exam === GiaExam.OGE) {
    const sums = {
      ...MARK_SUMS,
      primaryWeighted: sql`sum(r.mean_primary * r.participants)`,
      primaryParticipants: sql`coalesce(sum(r.participants) filter (where r.mean_primary is not null), 0)::int`,
    };
    return page(db, viewer, 'oge_result', sums, args, (row) => {
      const c = row as unknown as Counts & { primaryWeighted: number | null; primaryParticipants: number };
      const shares = markShares(c);
      return {
        ...row,
        failed: c.n2,
        failShare: shares.share2,
        quality: shares.quality,
        meanMark: shares.meanMark,
        meanPrimary: weightedMean(c.primaryWeighted, c.primaryParticipants),
        meanScore: null,
      };
    });
  }
  const sums = {
    participants: MARK_SUMS.participants,
    failed: sql`coalesce(sum(r.below_min), 0)::int`,
    scoreWeighted: sql`sum(r.mean_score * r.participants)`,
    scoreParticipants: sql`coalesce(sum(r.participants) filter (where r.mean_score is not null), 0)::int`,
  };
  return page(db, viewer, 'ege_result', sums, args, (row) => {
    const c = row as unknown as {
      participants: number;
      failed: number;
      scoreWeighted: number | null;
      scoreParticipants: number;
    };
    return {
      ...row,
      failShare: ratio(c.failed, c.participants),
      n2: null,
      n3: null,
      n4: null,
      n5: null,
      quality: null,
      meanMark: null,
      meanPrimary: null,
      meanScore: weightedMean(c.scoreWeighted, c.scoreParticipants),
    };
  });
}

function weightedMean(weighted: number | null, participants: number): number | null {
  return weighted === null || participants === 0 ? null : round12(Number(weighted) / participants);
}
