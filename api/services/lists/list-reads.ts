import { isInScope } from '../../../db/scope.js';
import { type Context } from '../../context.js';
import { type DecisionRow, type EntryRow, type ListRow } from './list-store.js';

/** An entry with its list: the evidence names the list's methodology, the scope needs its region. */
export interface EntryView extends EntryRow {
  list: ListRow;
}

const placeOf = (list: ListRow, e: { schoolId: number; municipalityId: number }) => ({
  schoolId: e.schoolId,
  municipalityId: e.municipalityId,
  regionId: list.regionId,
});

/** The entries of a list the viewer may see (the one scope rule), in list order. */
export async function scopedEntries(ctx: Context, list: ListRow): Promise<EntryView[]> {
  const rows = await ctx.loaders.listEntries.load(list.id);
  return rows.filter((e) => isInScope(ctx.viewer, placeOf(list, e))).map((e) => ({ ...e, list }));
}

/** Every decision ever recorded on the list's entries the viewer may see, oldest first. */
export async function scopedDecisions(
  ctx: Context,
  list: ListRow,
): Promise<(DecisionRow & { schoolCode: string })[]> {
  const [entries, decisions] = await Promise.all([
    scopedEntries(ctx, list),
    ctx.loaders.listDecisions.load(list.id),
  ]);
  const codeOf = new Map(entries.map((e) => [e.schoolId, e.schoolCode]));
  return decisions.flatMap((d) => {
    const schoolCode = codeOf.get(d.schoolId);
    return schoolCode === undefined ? [] : [{ ...d, schoolCode }];
  });
}
