import { activityStatus, type ActivityStatus } from '../../../analytics/support/index.js';
import { type Queryable } from '../../../db/queryable.js';
import { scopeCondition, type ScopeColumns } from '../../../db/scope.js';
import { sql, type Sql } from '../../../db/sql.js';
import { type ActivityRecordStatus, type DeadlineKind, type RoadmapLevel } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type ConnectionResult, toConnection } from '../../graphql/types/page-info.type.js';
import { decodeCursor, encodeCursor, pageSize } from '../../pagination.js';
import { isRowId } from '../../row-id.js';

/**
 * Reads of roadmaps (SUPPORT-V1 §1), their activities and status records: plain SQL on `ctx.db`,
 * scoped by the roadmap's own place (a region's roadmap is read in the region's scope, a
 * municipality's in the municipality's, a school's in the school's: db/scope.ts). Activities and
 * records are only reached through a roadmap already read in scope, and each page loads them for
 * all its roadmaps at once (one statement for activities, one for records, when asked).
 */

/** The columns of the scope: the roadmap's own place. */
export const ROADMAP_SCOPE: ScopeColumns = {
  schoolId: sql`r.school_id`,
  municipalityId: sql`r.municipality_id`,
  regionId: sql`r.region_id`,
};

export interface RoadmapRow {
  id: string;
  level: RoadmapLevel;
  regionId: number;
  municipalityId: number | null;
  schoolId: number | null;
  listYear: number;
  periodStart: string;
  periodEnd: string;
  /** The region's IANA time zone: «today» of status(asOf) without asOf. */
  timeZone: string;
  orderId: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  orderIssuer: string | null;
  orderTitle: string | null;
  createdAt: Date;
}

export interface RoadmapView extends RoadmapRow {
  /** The page's activities, loaded once for every roadmap of it. */
  batch: RoadmapBatch;
}

export interface ActivityRow {
  id: string;
  roadmapId: string;
  ordinal: number;
  number: string;
  title: string;
  deadlineText: string;
  deadlineKind: DeadlineKind;
  start: string | null;
  due: string | null;
  executorsText: string;
  executors: string[];
  expectedResult: string | null;
  requiresSchoolReport: boolean;
  timeZone: string;
}

export interface ActivityView extends ActivityRow {
  batch: ActivityBatch;
}

export interface StatusRecordRow {
  activityId: string;
  date: string;
  seq: number;
  status: ActivityRecordStatus;
  note: string | null;
  evidenceUrl: string | null;
}

const ROADMAP_COLUMNS = sql`r.id::text as id, r.level, r.region_id as "regionId",
  r.municipality_id as "municipalityId", r.school_id as "schoolId", r.list_year as "listYear",
  to_char(r.period_start, 'YYYY-MM-DD') as "periodStart", to_char(r.period_end, 'YYYY-MM-DD') as "periodEnd",
  g.time_zone as "timeZone", o.id::text as "orderId", o.number as "orderNumber",
  to_char(o.date, 'YYYY-MM-DD') as "orderDate", o.issuer as "orderIssuer", o.title as "orderTitle",
  r.created_at as "createdAt"`;

const ROADMAPS = sql`roadmap r join region g on g.id = r.region_id
  left join support_order o on o.id = r.approving_order_id`;

/** Every activity and status record of the roadmaps of one answer, each loaded once when first asked. */
export class RoadmapBatch {
  private activities?: Promise<Map<string, ActivityView[]>>;

  constructor(
    private readonly db: Queryable,
    private readonly roadmapIds: readonly string[],
  ) {}

  activitiesOf(roadmapId: string): Promise<ActivityView[]> {
    this.activities ??= this.load();
    return this.activities.then((byRoadmap) => byRoadmap.get(roadmapId) ?? []);
  }

  private async load(): Promise<Map<string, ActivityView[]>> {
    const rows = await readActivities(this.db, sql.in(sql`a.roadmap_id`, [...this.roadmapIds]));
    const records = new ActivityBatch(
      this.db,
      rows.map((r) => r.id),
    );
    const byRoadmap = new Map<string, ActivityView[]>();
    for (const row of rows) {
      const list = byRoadmap.get(row.roadmapId) ?? [];
      list.push({ ...row, batch: records });
      byRoadmap.set(row.roadmapId, list);
    }
    return byRoadmap;
  }
}

/** The status records of a set of activities, loaded once when first asked. */
export class ActivityBatch {
  private records?: Promise<Map<string, StatusRecordRow[]>>;

  constructor(
    private readonly db: Queryable,
    private readonly activityIds: readonly string[],
  ) {}

  recordsOf(activityId: string): Promise<StatusRecordRow[]> {
    this.records ??= this.load();
    return this.records.then((byActivity) => byActivity.get(activityId) ?? []);
  }

  private async load(): Promise<Map<string, StatusRecordRow[]>> {
    const byActivity = new Map<string, StatusRecordRow[]>();
    if (this.activityIds.length === 0) return byActivity;
    const rows = await this.db.query<StatusRecordRow>(
      sql`select activity_id::text as "activityId", to_char(date, 'YYYY-MM-DD') as date, seq::int as seq,
          status, note, evidence_url as "evidenceUrl"
        from activity_status_record where ${sql.in(sql`activity_id`, [...this.activityIds])}
        order by activity_id, date, seq`,
    );
    for (const row of rows) {
      const list = byActivity.get(row.activityId) ?? [];
      list.push(row);
      byActivity.set(row.activityId, list);
    }
    return byActivity;
  }
}

async function readActivities(db: Queryable, condition: Sql): Promise<ActivityRow[]> {
  return db.query<ActivityRow>(
    sql`select a.id::text as id, a.roadmap_id::text as "roadmapId", a.ordinal, a.number, a.title,
        a.deadline_text as "deadlineText", a.deadline_kind as "deadlineKind",
        to_char(a.start, 'YYYY-MM-DD') as start, to_char(a.due, 'YYYY-MM-DD') as due,
        a.executors_text as "executorsText", a.executors, a.expected_result as "expectedResult",
        a.requires_school_report as "requiresSchoolReport", g.time_zone as "timeZone"
      from activity a join roadmap r on r.id = a.roadmap_id join region g on g.id = r.region_id
      where ${condition} order by a.roadmap_id, a.ordinal`,
  );
}

function views(db: Queryable, rows: RoadmapRow[]): RoadmapView[] {
  const batch = new RoadmapBatch(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, batch }));
}

/** Today's date (ISO) on the clock of a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** SUPPORT-V1 §2 Status as of D: D = asOf, or today in the region's time zone. */
export async function statusOf(
  activity: ActivityView,
  asOf: string | null | undefined,
): Promise<ActivityStatus> {
  const records = await activity.batch.recordsOf(activity.id);
  return activityStatus(records, activity.due, asOf ?? todayIn(activity.timeZone));
}

/** An `ID` argument as a row id, or BAD_USER_INPUT naming it. */
export function rowIdArg(argument: string, id: string): string {
  if (!isRowId(id)) throw badUserInput(argument, `${argument}: «${id.slice(0, 40)}» is not an id`);
  return String(Number(id));
}

/** One roadmap in the viewer's scope, or null (unknown, or outside the scope: the same answer). */
export async function roadmapById(
  ctx: Pick<Context, 'db' | 'viewer'>,
  id: string,
): Promise<RoadmapView | null> {
  authorize(ctx.viewer, 'support.read');
  const roadmapId = rowIdArg('id', id);
  const rows = await ctx.db.query<RoadmapRow>(
    sql`select ${ROADMAP_COLUMNS} from ${ROADMAPS}
      where r.id = ${roadmapId} and ${scopeCondition(ctx.viewer, ROADMAP_SCOPE, 'rows')}`,
  );
  return views(ctx.db, rows)[0] ?? null;
}

export interface RoadmapFilterArgs {
  regionCodes?: readonly string[] | null;
  municipalityIds?: readonly string[] | null;
  schoolCodes?: readonly string[] | null;
  listYear?: number | null;
}

/** The roadmaps in the viewer's scope matching the filter (every given condition), by id, keyset-paged. */
export async function roadmapPage(
  ctx: Pick<Context, 'db' | 'viewer' | 'config'>,
  filter: RoadmapFilterArgs | null | undefined,
  page: { first?: number | null; after?: string | null },
): Promise<ConnectionResult<RoadmapView>> {
  authorize(ctx.viewer, 'support.read');
  const size = pageSize(page.first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
  const municipalityIds = (filter?.municipalityIds ?? []).map((id, i) =>
    Number(rowIdArg(`filter.municipalityIds[${i}]`, id)),
  );
  const conditions = [
    scopeCondition(ctx.viewer, ROADMAP_SCOPE, 'rows'),
    filter?.regionCodes && sql.in(sql`g.code`, filter.regionCodes),
    filter?.municipalityIds && sql.in(sql`r.municipality_id`, municipalityIds),
    filter?.schoolCodes &&
      sql`r.school_id in (select id from school where ${sql.in(sql`code`, filter.schoolCodes)})`,
    filter?.listYear != null && sql`r.list_year = ${filter.listYear}`,
  ];
  const afterId = page.after ? String(decodeCursor(page.after, ['bigint'])[0]) : null;
  const rows = await ctx.db.query<RoadmapRow>(
    sql`select ${ROADMAP_COLUMNS} from ${ROADMAPS}
      ${sql.where([...conditions, afterId !== null && sql`r.id > ${afterId}`])}
      order by r.id limit ${size + 1}`,
  );
  const totalCount = async () => {
    const [row] = await ctx.db.query<{ n: number }>(
      sql`select count(*)::int as n from ${ROADMAPS} ${sql.where(conditions)}`,
    );
    return row?.n ?? 0;
  };
  return toConnection(
    views(ctx.db, rows),
    size,
    Boolean(page.after),
    (r) => encodeCursor([r.id]),
    totalCount,
  );
}

/** One activity (for the answer of a write), with its roadmap's batch; not scoped: callers authorize first. */
export async function activityById(db: Queryable, id: string): Promise<ActivityView | null> {
  const [row] = await readActivities(db, sql`a.id = ${id}`);
  return row ? { ...row, batch: new ActivityBatch(db, [row.id]) } : null;
}

/** A roadmap by id without the scope: for the answer of a write the caller has authorized. */
export async function roadmapForWriter(db: Queryable, id: string): Promise<RoadmapView | null> {
  const rows = await db.query<RoadmapRow>(sql`select ${ROADMAP_COLUMNS} from ${ROADMAPS} where r.id = ${id}`);
  return views(db, rows)[0] ?? null;
}
