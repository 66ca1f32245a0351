import { scopeCondition } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import { Mmc, MmcAttachment, Municipality, Region } from '../../../schema/entities/index.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { toId } from '../school-query.js';
import { municipalityJson, regionJson } from './orders.service.js';
import { audited, checkPeriod, checkText, findMunicipality, findRegion } from './orders.shared.js';

/**
 * ММЦ and the municipalities they serve (SUPPORT-V1 §1): of a region, set by its analyst
 * (support.mmc). Read by the region's viewers, and by a municipality's when it hosts the ММЦ or
 * is (or was) served by it.
 */

export interface MmcRow {
  id: string;
  name: string;
  region: object;
  hostMunicipality: object;
  attachments: { id: string; municipality: object; from: string; to: string | null }[];
  createdAt: Date;
}

const MMCS = sql`mmc c join region g on g.id = c.region_id join municipality hm on hm.id = c.host_municipality_id`;

const MMC_COLUMNS = sql`c.id::text as id, c.name, ${regionJson('g')} as region,
  ${municipalityJson('hm')} as "hostMunicipality",
  coalesce((select json_agg(json_build_object('id', ma.id::text, 'municipality', ${municipalityJson('am')},
      'from', to_char(ma.valid_from, 'YYYY-MM-DD'), 'to', to_char(ma.valid_to, 'YYYY-MM-DD'))
    order by ma.valid_from, am.name, ma.id)
    from mmc_attachment ma join municipality am on am.id = ma.municipality_id where ma.mmc_id = c.id), '[]'::json) as attachments,
  c.created_at as "createdAt"`;

/** The ММЦ of a region that the viewer may read, in the order they were stored. */
export async function mmcs(ctx: Context, regionCode: string): Promise<MmcRow[]> {
  authorize(ctx.viewer, 'support.read');
  const region = await findRegion(ctx, 'regionCode', regionCode);
  const host = scopeCondition(ctx.viewer, {
    regionId: sql`c.region_id`,
    municipalityId: sql`c.host_municipality_id`,
  });
  const served = scopeCondition(ctx.viewer, {
    regionId: sql`c.region_id`,
    municipalityId: sql`sa.municipality_id`,
  });
  return ctx.db.query<MmcRow>(
    sql`select ${MMC_COLUMNS} from ${MMCS}
      where c.region_id = ${region.id}
        and ((${host}) or exists (select from mmc_attachment sa where sa.mmc_id = c.id and (${served})))
      order by c.id`,
  );
}

async function mmcById(ctx: Context, id: string): Promise<MmcRow> {
  const [row] = await ctx.db.query<MmcRow>(
    sql`select ${MMC_COLUMNS} from ${MMCS} where c.id = ${id}::bigint`,
  );
  if (!row) throw new Error(`mmc ${id} vanished`);
  return row;
}

/** createMmc: a ММЦ hosted by a municipality, of that municipality's region (its REGION_ANALYST). */
export async function createMmc(ctx: Context, name: string, hostMunicipalityId: string): Promise<MmcRow> {
  const host = await findMunicipality(ctx, 'hostMunicipalityId', hostMunicipalityId);
  authorize(ctx.viewer, 'support.mmc', { place: { regionId: host.regionId } });
  const text = checkText('name', name);
  const stored = await audited(ctx, {
    action: 'createMmc',
    change: (em) =>
      em.create(Mmc, {
        name: text,
        region: em.getReference(Region, host.regionId),
        hostMunicipality: em.getReference(Municipality, host.id),
      }),
    target: (c) => `mmc:${c.id}`,
    details: () => ({ name: text, regionId: host.regionId, hostMunicipalityId: host.id }),
  });
  return mmcById(ctx, stored.id);
}

/**
 * attachMunicipality: the ММЦ serves a municipality of its region from … to. A municipality is
 * served by at most one ММЦ on a date (the exclusion constraint): an overlap is BAD_USER_INPUT on
 * `municipalityId`, naming the ММЦ and the period it overlaps.
 */
export async function attachMunicipality(
  ctx: Context,
  mmcId: string,
  municipalityId: string,
  from: string,
  to: string | null | undefined,
): Promise<MmcRow> {
  const [mmc] = await ctx.db.query<{ id: string; name: string; regionId: number }>(
    sql`select id::text as id, name, region_id as "regionId" from mmc where id = ${toId('mmcId', mmcId)}`,
  );
  if (!mmc) throw badUserInput('mmcId', `mmcId: no ММЦ «${mmcId}»`);
  authorize(ctx.viewer, 'support.mmc', { place: { regionId: mmc.regionId } });
  const municipality = await findMunicipality(ctx, 'municipalityId', municipalityId);
  if (municipality.regionId !== mmc.regionId) {
    throw badUserInput(
      'municipalityId',
      `municipalityId: ${municipality.name} is not in the region of ММЦ «${mmc.name}»`,
    );
  }
  checkPeriod(from, to);
  const overlap = async () => {
    const [other] = await ctx.db.query<{ name: string; from: string; to: string | null }>(
      sql`select c.name, to_char(ma.valid_from, 'YYYY-MM-DD') as "from", to_char(ma.valid_to, 'YYYY-MM-DD') as "to"
        from mmc_attachment ma join mmc c on c.id = ma.mmc_id
        where ma.municipality_id = ${municipality.id}
          and daterange(ma.valid_from, ma.valid_to, '[]') && daterange(${from}::date, ${to ?? null}::date, '[]')
        order by ma.valid_from limit 1`,
    );
    const period = other ? ` from ${other.from} to ${other.to ?? 'open'}` : '';
    return badUserInput(
      'municipalityId',
      `municipalityId: ${municipality.name} is served by ММЦ «${other?.name ?? '?'}»${period}; a municipality belongs to one ММЦ on a date`,
    );
  };
  await audited(ctx, {
    action: 'attachMunicipality',
    change: (em) =>
      em.create(MmcAttachment, {
        mmc: em.getReference(Mmc, mmc.id),
        municipality: em.getReference(Municipality, municipality.id),
        validFrom: from,
        validTo: to ?? null,
      }),
    target: (a) => `mmc_attachment:${a.id}`,
    details: () => ({ mmcId: mmc.id, municipalityId: municipality.id, from, to: to ?? null }),
    constraints: { mmc_attachment_one_mmc: overlap },
  });
  return mmcById(ctx, mmc.id);
}
