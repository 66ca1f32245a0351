import { type Marker } from '../../../analytics/markers/index.js';
import { readMarkers } from '../../../analytics/sql/markers-store.js';
import { audit } from '../../../db/audit.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { resolveMethodology } from '../analytics/methodology.js';
import { shnorYear } from '../analytics/shnor.service.js';
import { authorize } from '../../auth/permissions.js';
import { approvedListSchools } from './approved-schools.js';
import { findList, frozenListOf, insertEntries, insertList, type ListRow } from './list-store.js';
import { entrySnapshots } from './snapshot.js';

export interface CreateListArgs {
  year: number;
  regionCode: string;
  methodology: string;
}

async function regionIdOf(ctx: Context, code: string): Promise<number> {
  const [row] = await ctx.db.query<{ id: number }>(`select id from region where code = $1`, [code]);
  if (!row) throw badUserInput('regionCode', `regionCode: no region «${code}» (see the regions query)`);
  return row.id;
}

function groupMarkers(markers: readonly Marker[]): Map<number, Marker[]> {
  const bySchool = new Map<number, Marker[]>();
  for (const m of markers) {
    const list = bySchool.get(m.schoolId);
    if (list) list.push(m);
    else bySchool.set(m.schoolId, [m]);
  }
  return bySchool;
}

/**
 * A DRAFT list of a region and year: the candidates computed now with a stored methodology version
 * (no what-if: a list must name a version anyone can look up), frozen with their evidence.
 */
export async function createList(ctx: Context, args: CreateListArgs): Promise<ListRow> {
  authorize(ctx.viewer, 'lists.create');
  const regionId = await regionIdOf(ctx, args.regionCode);
  authorize(ctx.viewer, 'lists.create', { regionId });
  const m = await resolveMethodology(ctx, args.methodology, null);
  const computed = await shnorYear(ctx, m, args.year);
  const candidates = computed.candidates.filter((c) => c.regionId === regionId);
  if (candidates.length === 0) {
    throw badUserInput(
      'year',
      `year: no results of region ${args.regionCode} in ${args.year} or ${args.year - 1}`,
    );
  }
  const ids = candidates.map((c) => c.schoolId);
  const [schools, markers, previousList, previousListId] = await Promise.all([
    ctx.db.query<{ id: number; code: string; name: string }>(
      `select id, code, name from school where id = any($1::int[])`,
      [ids],
    ),
    readMarkers(ctx.db, m.params, [args.year - 1, args.year], ids),
    approvedListSchools(ctx.db, args.year - 1),
    frozenListOf(ctx.db, args.year - 1, regionId),
  ]);
  const entries = entrySnapshots(candidates, {
    schools: new Map(schools.map((s) => [s.id, s])),
    markers: groupMarkers(markers),
    previousList,
  });
  // The list, its entries and the audit entry land together or not at all.
  return ctx.db.transaction(async (tx) => {
    const id = await insertList(tx, {
      year: args.year,
      regionId,
      methodologyName: m.name,
      methodologyHash: m.hash,
      methodologyParams: m.params,
      dataVersion: computed.dataVersion,
      previousListId,
      createdBy: ctx.viewer.id,
    });
    await insertEntries(tx, id, entries);
    await audit(tx, ctx.viewer, 'createShnorList', `shnor_list:${id}`, {
      year: args.year,
      region: args.regionCode,
      methodology: m.name,
      hash: m.hash,
      dataVersion: computed.dataVersion,
      entries: entries.length,
      previousListId,
    });
    return (await findList(tx, id)) as ListRow;
  });
}
