import { sql } from '../../../db/sql.js';
import { MonitoringReport, Municipality, Region, SupportOrder } from '../../../schema/entities/index.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { monitoringPlace } from './monitoring-place.js';
import { orderJson } from './orders.service.js';
import { audited, findOrderOf } from './orders.shared.js';

/**
 * The text a place keeps with its end-of-year monitoring report (issue 13 item 4): conclusions,
 * recommendations, the approving order. Read by whoever may read the monitoring of the place
 * (`support.monitor`); written by the analyst of exactly that place (`support.plan`), one row per
 * place and list year, saved again as often as it is edited, each save in the audit log.
 */

export interface MonitoringReportRow {
  id: string;
  listYear: number;
  conclusions: string;
  recommendations: string;
  order: { id: string; number: string; date: string; issuer: string } | null;
  updatedBy: string;
  updatedAt: Date;
}

interface PlaceQuestion {
  year: number;
  regionCode?: string | null;
  municipalityId?: string | null;
}

async function reportOf(ctx: Context, year: number, regionId: number, municipalityId: number | null) {
  const [row] = await ctx.db.query<MonitoringReportRow>(
    sql`select r.id::text as id, r.list_year as "listYear", r.conclusions, r.recommendations,
        ${orderJson('o')} as order, r.updated_by as "updatedBy", r.updated_at as "updatedAt"
      from monitoring_report r left join support_order o on o.id = r.order_id
      where r.list_year = ${year} and r.region_id = ${regionId}
        and r.municipality_id is not distinct from ${municipalityId}::int`,
  );
  return row ?? null;
}

/** `monitoringReport`: the place's saved text of list year `year`, or null before the first save. */
export async function monitoringReport(ctx: Context, q: PlaceQuestion): Promise<MonitoringReportRow | null> {
  checkYear('year', q.year);
  const place = await monitoringPlace(ctx, q);
  return reportOf(ctx, q.year, place.region.id, place.municipality?.id ?? null);
}

export interface SaveMonitoringReport extends PlaceQuestion {
  orderId?: string | null;
  conclusions: string;
  recommendations: string;
}

/** Texts of a report: up to this many characters each (a few pages). */
const MAX_TEXT = 20_000;

function text(argument: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > MAX_TEXT) {
    throw badUserInput(
      argument,
      `${argument}: ${trimmed.length} characters, more than the ${MAX_TEXT} accepted`,
    );
  }
  return trimmed;
}

/** `saveMonitoringReport`: creates or replaces the place's text, with its audit entry, in one transaction. */
export async function saveMonitoringReport(
  ctx: Context,
  input: SaveMonitoringReport,
): Promise<MonitoringReportRow> {
  checkYear('year', input.year);
  const conclusions = text('input.conclusions', input.conclusions);
  const recommendations = text('input.recommendations', input.recommendations);
  const place = await monitoringPlace(ctx, input);
  const regionId = place.region.id;
  const municipalityId = place.municipality?.id ?? null;
  authorize(ctx.viewer, 'support.plan', { place: { regionId, municipalityId } });
  const orderId = await findOrderOf(ctx, 'input.orderId', input.orderId, { regionId, municipalityId });
  await audited(ctx, {
    action: 'saveMonitoringReport',
    change: async (em) => {
      const stored = await em.findOne(MonitoringReport, {
        listYear: input.year,
        region: regionId,
        municipality: municipalityId,
      });
      const report =
        stored ??
        em.create(MonitoringReport, {
          listYear: input.year,
          region: em.getReference(Region, regionId),
          municipality: municipalityId === null ? null : em.getReference(Municipality, municipalityId),
          updatedBy: ctx.viewer.id,
        });
      report.conclusions = conclusions;
      report.recommendations = recommendations;
      report.order = orderId === null ? null : em.getReference(SupportOrder, orderId);
      report.updatedBy = ctx.viewer.id;
      report.updatedAt = new Date();
      return report;
    },
    target: (r) => `monitoring_report:${r.id}`,
    details: () => ({ year: input.year, regionCode: place.region.code, municipalityId, orderId }),
  });
  return (await reportOf(ctx, input.year, regionId, municipalityId)) as MonitoringReportRow;
}
