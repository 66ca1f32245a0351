import { COHORT_OGE_GRADE, type CohortStep, type DynamicsPoint } from '../../../analytics/dynamics/index.js';
import { dynamicsSeries } from '../../../analytics/dynamics/index.js';
import { type MarkCounts, markShares } from '../../../analytics/marks.js';
import { type MethodologyParams } from '../../../analytics/methodology/params.js';
import { type LowIndicators, schoolLowIndicators } from '../../../analytics/shnor/index.js';
import { subjectSetKey } from '../../../analytics/sql/keys.js';
import { type Queryable, type Row } from '../../../db/queryable.js';
import { sql, type Sql } from '../../../db/sql.js';
import { type Subject } from '../../../schema/enums.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { DynamicsEntity, type DynamicsIndicator } from '../../graphql/types/analytics/dynamics.types.js';
import { regionByCode } from '../places.service.js';
import { SCHOOL_COLUMNS, SCHOOLS, scopedSchools, type SchoolRow, toId } from '../school-query.js';

export interface SeriesArgs {
  entity: DynamicsEntity;
  id: string;
  indicator: DynamicsIndicator;
  years?: number[] | null;
  grade?: number | null;
  subject?: Subject | null;
}

/** An entity's name and the condition that narrows a scoped read of SCHOOLS to its schools. */
interface Entity {
  name: string;
  narrow: Sql;
}

/** The proportions: only they get the z-test (§5); LOW_INDEX and MEAN_MARK are not shares. */
const SHARES = new Set<string>(['VPR_LOW', 'OGE_LOW', 'EGE_LOW', 'SHARE2', 'QUALITY']);
/** The indicators read from a ВПР grade × subject slice rather than from the §1 counts. */
export const MARK_INDICATORS = new Set<string>(['SHARE2', 'QUALITY', 'MEAN_MARK']);

// PostgreSQL returns sum() of integers as bigint, which pg hands over as a string
const num = (v: unknown): number => Number(v ?? 0);
const pick = (r: Row | undefined, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, num(r?.[k])]));

/** The school (scoped: out of scope reads as unknown), its region; BAD_USER_INPUT when not found. */
export async function findScopedSchool(ctx: Context, argument: string, code: string) {
  const [row] = await ctx.db.query<SchoolRow & { regionId: number }>(
    sql`select ${SCHOOL_COLUMNS}, m.region_id as "regionId" from ${SCHOOLS}
      ${sql.where([scopedSchools(ctx.viewer, null), sql`s.code = ${code}`])} limit 1`,
  );
  if (!row) throw badUserInput(argument, `${argument}: no school «${code}»`);
  return row;
}

async function findEntity(ctx: Context, entity: DynamicsEntity, id: string): Promise<Entity> {
  if (entity === DynamicsEntity.SCHOOL) {
    const school = await findScopedSchool(ctx, 'id', id);
    return { name: school.name, narrow: sql`s.id = ${school.id}` };
  }
  if (entity === DynamicsEntity.MUNICIPALITY) {
    // Places are public reference data; what is inside them is scoped by the queries below.
    const municipality = await ctx.loaders.municipality.load(toId('id', id));
    if (!municipality) throw badUserInput('id', `id: no municipality «${id}»`);
    return { name: municipality.name, narrow: sql`s.municipality_id = ${municipality.id}` };
  }
  const region = await regionByCode(ctx.db, id);
  if (!region) throw badUserInput('id', `id: no region «${id}»`);
  return { name: region.name, narrow: sql`m.region_id = ${region.id}` };
}

/** The §1 counts of school_year_counts, summed under their SchoolYearCounts names. */
const COUNT_KEYS = ['vprN2', 'vprN', 'ogeN2', 'ogeN', 'egeBelow', 'egeN'] as const;
const COUNT_SUMS = sql`sum(c.vpr_n2) as "vprN2", sum(c.vpr_n) as "vprN", sum(c.oge_n2) as "ogeN2",
  sum(c.oge_n) as "ogeN", sum(c.ege_below) as "egeBelow", sum(c.ege_n) as "egeN"`;
type CountKey = (typeof COUNT_KEYS)[number];
/** Per §1 indicator: its value and the counts behind it (LOW_INDEX has none). */
const LOW_OF: Record<string, [keyof LowIndicators, CountKey?, CountKey?]> = {
  VPR_LOW: ['vprLow', 'vprN2', 'vprN'],
  OGE_LOW: ['ogeLow', 'ogeN2', 'ogeN'],
  EGE_LOW: ['egeLow', 'egeBelow', 'egeN'],
  LOW_INDEX: ['lowIndex'],
};

/** §1 shares and lowIndex per year from the pooled counts of the entity's schools in scope. */
async function lowPoints(ctx: Context, p: MethodologyParams, args: SeriesArgs, e: Entity) {
  const rows = await ctx.db.query(
    sql`select c.year, ${COUNT_SUMS} from ${SCHOOLS} join school_year_counts c on c.school_id = s.id
      ${sql.where([scopedSchools(ctx.viewer, null), e.narrow, sql`c.set_key = ${subjectSetKey(p)}`])}
      group by c.year`,
  );
  // A school follows the §1 minimums; an aggregate pools many schools, so no minimum N applies.
  const params =
    args.entity === DynamicsEntity.SCHOOL
      ? p
      : { ...p, indicators: { ...p.indicators, minPooledVpr: 0, minPooledGia: 0 } };
  const [key, numerator, denominator] = LOW_OF[args.indicator]!;
  return rows.map((r): DynamicsPoint => {
    const year = num(r.year);
    const counts = pick(r, COUNT_KEYS) as Record<CountKey, number>;
    const place = { schoolId: 0, municipalityId: 0, regionId: 0, schoolType: '', year };
    const value = schoolLowIndicators({ ...place, ...counts }, params)[key];
    if (!numerator || !denominator) return { year, value };
    return { year, value, numerator: counts[numerator], denominator: counts[denominator] };
  });
}

const MARK_KEYS = ['participants', 'n2', 'n3', 'n4', 'n5'] as const;
const markCounts = (r: Row | undefined) => pick(r, MARK_KEYS) as unknown as MarkCounts;
/** `sum(v.n2) as n2`, …: the mark counts a slice pools. */
const markSums = (prefix: string) => MARK_KEYS.map((k) => `sum(${prefix}${k}) as ${k}`).join(', ');

/** share2 / quality / meanMark per year over a ВПР slice (default: the methodology's core set). */
async function markPoints(ctx: Context, p: MethodologyParams, args: SeriesArgs, e: Entity) {
  const rows = await ctx.db.query(
    sql`select v.year, ${sql.raw(markSums('v.'))} from ${SCHOOLS} join vpr_result v on v.school_id = s.id
      ${sql.where([
        scopedSchools(ctx.viewer, null),
        e.narrow,
        sql.in(sql`v.grade`, args.grade ? [args.grade] : p.indicators.coreGrades),
        sql.in(sql`v.subject`, args.subject ? [args.subject] : p.indicators.coreSubjects),
      ])}
      group by v.year`,
  );
  return rows.map((r): DynamicsPoint => {
    const c = markCounts(r);
    const shares = markShares(c);
    const marks = 2 * c.n2 + 3 * c.n3 + 4 * c.n4 + 5 * c.n5;
    const of = { SHARE2: [shares.share2, c.n2], QUALITY: [shares.quality, c.n4 + c.n5] } as const;
    const [value, numerator] = of[args.indicator as keyof typeof of] ?? [shares.meanMark, marks];
    return { year: num(r.year), value, numerator, denominator: c.participants };
  });
}

/**
 * The series of §5. delta, trend and z are computed over every year with data and only then cut to
 * the years asked for, so the first year asked still compares with the year before it.
 */
export async function dynamicsOf(ctx: Context, p: MethodologyParams, args: SeriesArgs) {
  const entity = await findEntity(ctx, args.entity, args.id);
  const points = await (MARK_INDICATORS.has(args.indicator) ? markPoints : lowPoints)(ctx, p, args, entity);
  const isShare = SHARES.has(args.indicator);
  const byYear = new Map(points.map((q) => [q.year, q]));
  // a year asked for without any row: zero counts and no value, so it still appears in the answer
  const empty = isShare ? { value: null, numerator: 0, denominator: 0 } : { value: null };
  for (const year of args.years ?? []) if (!byYear.has(year)) byYear.set(year, { year, ...empty });
  const wanted = args.years ? new Set(args.years) : null;
  const series = dynamicsSeries([...byYear.values()], p, isShare)
    .filter((row) => !wanted || wanted.has(row.year))
    .map((row) => {
      const { numerator = null, denominator = null } = byYear.get(row.year) ?? {};
      return { ...row, numerator, denominator };
    });
  return { name: entity.name, points: series };
}

/** The newest year with any data (the cohort is cut there), from the small per-school counts. */
export async function newestYear(db: Queryable, p: MethodologyParams): Promise<number | null> {
  const [row] = await db.query<{ year: number | null }>(
    `select max(year)::int as year from school_year_counts where set_key = $1`,
    [subjectSetKey(p)],
  );
  return row?.year ?? null;
}

/** One cohort step as the GraphQL type reads it: the school's figures and its region's. */
function stepView(step: CohortStep, school: MarkCounts, region: MarkCounts) {
  const { share2, quality, meanMark } = markShares(school);
  const { share2: regionShare2, quality: regionQuality, meanMark: regionMeanMark } = markShares(region);
  const figures = { share2, quality, meanMark, regionShare2, regionQuality, regionMeanMark };
  return { ...step, participants: school.participants, n2: school.n2, ...figures };
}

const regionSchools = (regionId: number) => sql`school_id in (select s.id from school s
  join municipality m on m.id = s.municipality_id where m.region_id = ${regionId})`;

/**
 * The school's and its region's counts on each step. Region values are the §1 reference values over
 * all schools of the region (vpr_region_cell is built that way), so the ОГЭ sum is too. A MA cohort
 * reads MA only: MAA (grades 7–8) is another test. Rows of other grades are read but left unmatched.
 */
export async function cohortSteps(
  db: Queryable,
  school: { id: number; regionId: number },
  subject: Subject,
  path: readonly CohortStep[],
) {
  const years = path.map((s) => s.year);
  const read = (table: Sql, grade: Sql, owner: Sql) =>
    db.query(
      sql`select year, ${grade} as grade, ${sql.raw(markSums(''))} from ${table}
       where ${owner} and subject = ${subject}::subject and year = any(${years}::int[]) group by 1, 2`,
    );
  const ogeGrade = sql.raw(String(COHORT_OGE_GRADE));
  const [vpr, vprRegion, oge, ogeRegion] = await Promise.all([
    read(sql`vpr_result`, sql`grade`, sql`school_id = ${school.id}`),
    read(sql`vpr_region_cell`, sql`grade`, sql`region_id = ${school.regionId}`),
    read(sql`oge_result`, ogeGrade, sql`school_id = ${school.id}`),
    read(sql`oge_result`, ogeGrade, regionSchools(school.regionId)),
  ]);
  const at = (rows: Row[], s: CohortStep) =>
    markCounts(rows.find((r) => num(r.year) === s.year && num(r.grade) === s.grade));
  return path.map((s) =>
    s.exam === 'VPR' ? stepView(s, at(vpr, s), at(vprRegion, s)) : stepView(s, at(oge, s), at(ogeRegion, s)),
  );
}
