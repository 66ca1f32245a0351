import { SCHOOL_SCOPE, scopeCondition } from '../../../db/scope.js';
import { sql, type Sql } from '../../../db/sql.js';
import { Activity, ActivityReport, AuditLogEntry } from '../../../schema/entities/index.js';
import { type ActivityReportStatus } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PageArgs } from '../../graphql/inputs/page.args.js';
import { toId } from '../school-query.js';
import {
  asBadInput,
  badInputWith,
  httpLink,
  isoDateArgument,
  optionalText,
  pageById,
  placeOf,
  rowId,
  schoolByCode,
} from './documents-common.js';

/**
 * A school's reports on roadmap activities (SUPPORT-V1 §1 ActivityReport; §5 counts them): a school
 * reports on an activity of **its municipality's** roadmap that requires school reports (§3 step 6
 * sets `requiresSchoolReport`), dated no later than today where it is, with an http(s) evidence
 * link or none. Append-only: a new report is a new row (`seq`), never a change of an old one;
 * reports never change an activity's status.
 */

export interface ActivityReportRow {
  id: string;
  seq: string;
  activityId: string;
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  date: string;
  status: ActivityReportStatus;
  note: string | null;
  evidenceUrl: string | null;
  createdAt: Date;
}

const REPORTS = sql`activity_report x join school s on s.id = x.school_id
  join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id`;

const REPORT_COLUMNS = sql`x.seq::text as id, x.seq::text as seq, x.activity_id::text as "activityId",
  s.id as "schoolId", s.code as "schoolCode", s.name as "schoolName", x.date::text as date, x.status,
  x.note, x.evidence_url as "evidenceUrl", x.created_at as "createdAt"`;

export interface ActivityReportFilterArgs {
  regionCodes?: string[] | null;
  municipalityIds?: string[] | null;
  schoolCodes?: string[] | null;
  activityIds?: string[] | null;
}

/** `activityReports`: the reports of the viewer's scope, in the order they were written (seq). */
export function activityReports(
  ctx: Context,
  filter: ActivityReportFilterArgs | null | undefined,
  page: PageArgs,
) {
  authorize(ctx.viewer, 'support.read');
  const where: (Sql | null | undefined)[] = [
    scopeCondition(ctx.viewer, SCHOOL_SCOPE, 'rows'),
    filter?.regionCodes && sql.in(sql`g.code`, filter.regionCodes),
    filter?.municipalityIds &&
      sql.in(
        sql`m.id`,
        filter.municipalityIds.map((id, i) => toId(`filter.municipalityIds[${i}]`, id)),
      ),
    filter?.schoolCodes && sql.in(sql`s.code`, filter.schoolCodes),
    filter?.activityIds &&
      sql`x.activity_id = any(${filter.activityIds.map((id, i) => rowId(`filter.activityIds[${i}]`, id))}::bigint[])`,
  ];
  return pageById(
    ctx,
    page,
    (after, limit) =>
      ctx.db.query<ActivityReportRow>(
        sql`select ${REPORT_COLUMNS} from ${REPORTS} ${sql.where([...where, after])} order by x.seq limit ${limit}`,
      ),
    async () => {
      const [row] = await ctx.db.query<{ n: number }>(
        sql`select count(*)::int as n from ${REPORTS} ${sql.where(where)}`,
      );
      return row?.n ?? 0;
    },
    sql`x.seq`,
  );
}

export interface NewActivityReport {
  schoolCode: string;
  date: string;
  status: ActivityReportStatus;
  note?: string | null;
  evidenceUrl?: string | null;
}

interface ActivityTarget {
  roadmapLevel: string;
  roadmapMunicipalityId: number | null;
  requiresSchoolReport: boolean;
  number: string;
}

/** `reportActivity`: the report and its audit entry, in one flush, once the activity is one the school reports on. */
export async function reportActivity(
  ctx: Context,
  activityId: string,
  input: NewActivityReport,
): Promise<ActivityReportRow> {
  authorize(ctx.viewer, 'support.schoolWork');
  rowId('activityId', activityId);
  const date = isoDateArgument('input.date', input.date);
  const evidenceUrl = httpLink('input.evidenceUrl', input.evidenceUrl);
  const school = await schoolByCode(ctx.db, 'input.schoolCode', input.schoolCode);
  authorize(ctx.viewer, 'support.schoolWork', { place: placeOf(school) });
  const [activity] = await ctx.db.query<ActivityTarget>(
    sql`select r.level as "roadmapLevel", r.municipality_id as "roadmapMunicipalityId",
        a.requires_school_report as "requiresSchoolReport", a.number
      from activity a join roadmap r on r.id = a.roadmap_id where a.id = ${activityId}::bigint`,
  );
  if (!activity) throw badUserInput('activityId', `activityId: no activity ${activityId}`);
  if (activity.roadmapLevel !== 'MUNICIPALITY' || activity.roadmapMunicipalityId !== school.municipalityId) {
    throw badInputWith(
      'activityId',
      `activityId: activity ${activityId} (№ ${activity.number}) is not on a roadmap of the municipality of school ${school.code}; a school reports on its municipality’s roadmap only`,
      { reason: 'NOT_ITS_MUNICIPALITY_ROADMAP' },
    );
  }
  if (!activity.requiresSchoolReport) {
    throw badInputWith(
      'activityId',
      `activityId: activity ${activityId} (№ ${activity.number}) does not require school reports (requiresSchoolReport is false)`,
      { reason: 'NO_SCHOOL_REPORT_REQUIRED' },
    );
  }
  if (date > school.today) {
    throw badUserInput(
      'input.date',
      `input.date: ${date} is after today (${school.today}); a report is of what was done`,
    );
  }
  const em = ctx.em.fork();
  const report = em.create(ActivityReport, {
    activity: em.getReference(Activity, activityId),
    school: school.id,
    date,
    status: input.status,
    note: optionalText(input.note),
    evidenceUrl,
  });
  em.persist(
    AuditLogEntry.of(ctx.viewer, 'reportActivity', `activity:${activityId}`, {
      school: school.code,
      date,
      status: input.status,
      evidenceUrl,
    }),
  );
  await em.flush().catch((error: unknown) =>
    asBadInput(error, 'input', {
      activity_report_evidence_url_check: {
        argument: 'input.evidenceUrl',
        message: 'not an http or https link',
      },
    }),
  );
  const [row] = await ctx.db.query<ActivityReportRow>(
    sql`select ${REPORT_COLUMNS} from ${REPORTS} where x.seq = ${report.seq}`,
  );
  return row as ActivityReportRow;
}
