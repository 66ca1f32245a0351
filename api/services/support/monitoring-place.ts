import { sql } from '../../../db/sql.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { toId } from '../school-query.js';
import { isoDateArgument } from './documents-common.js';
import { todayIn } from './roadmap-read.service.js';

/**
 * The place a monitoring question names — a region by code or a municipality by id, exactly one —
 * checked against the viewer (`support.monitor`: its scope covers the place), and its date D: the
 * one asked for, or today where the place is.
 */

export interface PlaceAnswer {
  region: { id: number; code: string; name: string; timeZone: string };
  municipality: { id: number; name: string; regionId: number } | null;
  asOf: string;
}

export async function monitoringPlace(
  ctx: Context,
  q: { regionCode?: string | null; municipalityId?: string | null; asOf?: string | null },
): Promise<PlaceAnswer> {
  authorize(ctx.viewer, 'support.monitor');
  const byRegion = q.regionCode !== null && q.regionCode !== undefined;
  const byMunicipality = q.municipalityId !== null && q.municipalityId !== undefined;
  if (byRegion === byMunicipality) {
    throw badUserInput(
      byRegion ? 'municipalityId' : 'regionCode',
      'regionCode or municipalityId: give exactly one — the region or the municipality monitored',
    );
  }
  const asOf = q.asOf ? isoDateArgument('asOf', q.asOf) : null;
  type Found = {
    regionId: number;
    code: string;
    regionName: string;
    timeZone: string;
    municipalityId: number | null;
    municipalityName: string | null;
  };
  const [row] = byRegion
    ? await ctx.db.query<Found>(
        sql`select id as "regionId", code, name as "regionName", time_zone as "timeZone",
            null::int as "municipalityId", null::text as "municipalityName" from region where code = ${q.regionCode}`,
      )
    : await ctx.db.query<Found>(
        sql`select g.id as "regionId", g.code, g.name as "regionName", g.time_zone as "timeZone",
            m.id as "municipalityId", m.name as "municipalityName"
          from municipality m join region g on g.id = m.region_id
          where m.id = ${toId('municipalityId', q.municipalityId as string)}`,
      );
  const argument = byRegion ? 'regionCode' : 'municipalityId';
  if (!row) {
    const what = byRegion ? `region «${q.regionCode}»` : `municipality «${q.municipalityId}»`;
    throw badUserInput(argument, `${argument}: no ${what}`);
  }
  const municipality =
    row.municipalityId === null
      ? null
      : { id: row.municipalityId, name: row.municipalityName ?? '', regionId: row.regionId };
  authorize(ctx.viewer, 'support.monitor', {
    place: { regionId: row.regionId, municipalityId: municipality?.id ?? null },
    argument,
  });
  return {
    region: { id: row.regionId, code: row.code, name: row.regionName, timeZone: row.timeZone },
    municipality,
    asOf: asOf ?? todayIn(row.timeZone),
  };
}

/** Rows by a key, in their order. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
