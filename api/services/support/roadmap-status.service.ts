import { sql } from '../../../db/sql.js';
import { DAYS_BEFORE_PERIOD, daysBefore } from '../../../ingest/formats/support/activity-statuses.js';
import { EVIDENCE_URL_PATTERN } from '../../../schema/entities/support/evidence-url.js';
import { Activity, ActivityStatusRecord, AuditLogEntry } from '../../../schema/entities/index.js';
import { type ActivityRecordStatus } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { isoDateArg } from './roadmap-import.service.js';
import { activityById, type ActivityView, rowIdArg, todayIn } from './roadmap-read.service.js';

/**
 * A status record of a roadmap activity (SUPPORT-V1 §1, §2 Status as of D): appended, never
 * changed (the table refuses UPDATE and DELETE); `support.plan` on the roadmap's place. The date is
 * a day of the work: not after today in the region's time zone, and not more than a year before
 * the roadmap's period starts.
 */

export interface RecordStatusArgs {
  activityId: string;
  date: string;
  status: ActivityRecordStatus;
  note?: string | null;
  evidenceUrl?: string | null;
}

export async function recordActivityStatus(
  ctx: Pick<Context, 'db' | 'em' | 'viewer'>,
  args: RecordStatusArgs,
): Promise<ActivityView> {
  authorize(ctx.viewer, 'support.plan');
  const activityId = rowIdArg('activityId', args.activityId);
  const [found] = await ctx.db.query<{
    regionId: number;
    municipalityId: number | null;
    schoolId: number | null;
    periodStart: string;
    timeZone: string;
  }>(
    sql`select r.region_id as "regionId", r.municipality_id as "municipalityId", r.school_id as "schoolId",
        to_char(r.period_start, 'YYYY-MM-DD') as "periodStart", g.time_zone as "timeZone"
      from activity a join roadmap r on r.id = a.roadmap_id join region g on g.id = r.region_id
      where a.id = ${activityId}`,
  );
  if (!found) throw badUserInput('activityId', `activityId: no activity ${activityId}`);
  authorize(ctx.viewer, 'support.plan', {
    place: { regionId: found.regionId, municipalityId: found.municipalityId, schoolId: found.schoolId },
  });

  const date = isoDateArg('date', args.date);
  const today = todayIn(found.timeZone);
  const earliest = daysBefore(found.periodStart, DAYS_BEFORE_PERIOD);
  if (date > today) {
    throw badUserInput(
      'date',
      `date: ${date} is after today (${today} in the region): a record states what was done`,
    );
  }
  if (date < earliest) {
    throw badUserInput(
      'date',
      `date: ${date} is more than a year before the roadmap's period (from ${found.periodStart})`,
    );
  }
  const evidenceUrl = args.evidenceUrl?.trim() || null;
  if (evidenceUrl !== null && !EVIDENCE_URL_PATTERN.test(evidenceUrl)) {
    throw badUserInput('evidenceUrl', 'evidenceUrl: an evidence link is an http or https URL with a host');
  }
  const note = args.note?.trim() || null;

  ctx.em.create(ActivityStatusRecord, {
    activity: ctx.em.getReference(Activity, activityId),
    date,
    status: args.status,
    note,
    evidenceUrl,
  });
  ctx.em.persist(
    AuditLogEntry.of(ctx.viewer, 'recordActivityStatus', `activity:${activityId}`, {
      date,
      status: args.status,
      note,
      evidenceUrl,
    }),
  );
  // One flush, one transaction: the record and its audit entry land together.
  await ctx.em.flush();
  const activity = await activityById(ctx.db, activityId);
  if (!activity) throw new Error(`recordActivityStatus: activity ${activityId} not found after the write`);
  return activity;
}
