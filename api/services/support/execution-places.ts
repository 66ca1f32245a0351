import { sql } from '../../../db/sql.js';
import { authorize, may } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { toId } from '../school-query.js';

/**
 * Which places the dashboards' questions over many places (`executionSummary`,
 * `submissionTracking`) monitor: each becomes one `executionMonitoring` question, so the figures of
 * a place are exactly the ones its own monitoring shows.
 */

export interface RegionRef {
  id: number;
  code: string;
}

/** One place as `executionMonitoring` names it. */
export type MonitoredPlace = { regionCode: string } | { municipalityId: string };

/** The regions asked for (every region when none is named), by code; an unknown code is the caller's mistake. */
export async function regionsAsked(
  ctx: Context,
  codes: readonly string[] | null | undefined,
): Promise<RegionRef[]> {
  const rows = await ctx.db.query<RegionRef & Record<string, unknown>>(
    codes
      ? sql`select id, code from region where ${sql.in(sql`code`, codes)} order by code`
      : sql`select id, code from region order by code`,
  );
  const known = new Set(rows.map((r) => r.code));
  const unknown = (codes ?? []).findIndex((c) => !known.has(c));
  if (unknown >= 0) {
    throw badUserInput(
      `regionCodes[${unknown}]`,
      `regionCodes[${unknown}]: no region «${codes![unknown]}» (see the regions query)`,
    );
  }
  return rows;
}

/**
 * The regions of a summary: those asked for (or all) that the viewer's scope covers whole; one
 * outside it is simply absent, as shnorSummary leaves out what the scope does not hold. A viewer
 * that covers no region at all (a municipality's analyst) is refused rather than answered with an
 * empty summary that would read as «nothing to monitor».
 */
export async function summaryRegions(
  ctx: Context,
  codes: readonly string[] | null | undefined,
): Promise<RegionRef[]> {
  authorize(ctx.viewer, 'support.monitor');
  const regions = await regionsAsked(ctx, codes);
  const kind = ctx.viewer.scope.kind;
  if (kind !== 'ALL' && kind !== 'REGIONS') {
    authorize(ctx.viewer, 'support.monitor', { place: { regionId: regions[0]?.id ?? 0 } });
  }
  return regions.filter((r) => may(ctx.viewer, 'support.monitor', { place: { regionId: r.id } }));
}

/** The municipalities of these regions, by region code, then name. */
export async function municipalitiesOf(
  ctx: Context,
  regions: readonly RegionRef[],
): Promise<MonitoredPlace[]> {
  if (regions.length === 0) return [];
  const rows = await ctx.db.query<{ id: number }>(
    sql`select m.id from municipality m join region g on g.id = m.region_id
      where ${sql.in(
        sql`m.region_id`,
        regions.map((r) => r.id),
      )} order by g.code, m.name, m.id`,
  );
  return rows.map((m) => ({ municipalityId: String(m.id) }));
}

/**
 * The places of a submission tracking: the municipalities or the regions named (at most one of the
 * two; each outside the scope FORBIDDEN naming it, as `executionMonitoring` refuses one), else
 * every place the viewer's scope holds whole — the ministry's regions, a region analyst's, a
 * municipality analyst's municipalities.
 */
export async function trackingPlaces(
  ctx: Context,
  q: { regionCodes?: readonly string[] | null; municipalityIds?: readonly string[] | null },
): Promise<MonitoredPlace[]> {
  authorize(ctx.viewer, 'support.monitor');
  if (q.regionCodes && q.municipalityIds) {
    throw badUserInput('municipalityIds', 'regionCodes or municipalityIds: give at most one');
  }
  if (q.municipalityIds) {
    const ids = [...new Set(q.municipalityIds.map((id, i) => toId(`municipalityIds[${i}]`, id)))];
    const rows = await ctx.db.query<{ id: number; regionId: number }>(
      sql`select id, region_id as "regionId" from municipality where ${sql.in(sql`id`, ids)}`,
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const argument = `municipalityIds[${q.municipalityIds!.findIndex((m) => Number(m) === id)}]`;
      const row = found.get(id);
      if (!row) throw badUserInput(argument, `${argument}: no municipality «${id}»`);
      authorize(ctx.viewer, 'support.monitor', {
        place: { regionId: row.regionId, municipalityId: id },
        argument,
      });
      return { municipalityId: String(id) };
    });
  }
  const scope = ctx.viewer.scope;
  if (!q.regionCodes && scope.kind === 'MUNICIPALITIES') {
    return [...scope.municipalityIds].sort((a, b) => a - b).map((id) => ({ municipalityId: String(id) }));
  }
  const regions = await regionsAsked(ctx, q.regionCodes);
  if (!q.regionCodes) {
    return regions
      .filter((r) => may(ctx.viewer, 'support.monitor', { place: { regionId: r.id } }))
      .map((r) => ({ regionCode: r.code }));
  }
  return regions.map((r) => {
    const argument = `regionCodes[${q.regionCodes!.indexOf(r.code)}]`;
    authorize(ctx.viewer, 'support.monitor', { place: { regionId: r.id }, argument });
    return { regionCode: r.code };
  });
}
