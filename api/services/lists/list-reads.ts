import DataLoader from 'dataloader';
import { isInScope } from '../../../db/scope.js';
import { type Context } from '../../context.js';
import { oncePerRequest } from '../analytics/request-memo.js';
import { type DecisionRow, type EntryRow, type ListRow, readDecisions, readEntries } from './list-store.js';

/** An entry with its list: the evidence names the list's methodology, the scope needs its region. */
export interface EntryView extends EntryRow {
  list: ListRow;
}

function groupByList<T extends { listId: string }>(ids: readonly string[], rows: readonly T[]): T[][] {
  const byList = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) byList.get(row.listId)?.push(row);
  return ids.map((id) => byList.get(id) ?? []);
}

/** Per-request loaders: the entries (or decisions) of every list a query touches, in one statement. */
function loaders(ctx: Context) {
  return oncePerRequest(ctx.db, 'shnor-list-loaders', async () => ({
    entries: new DataLoader<string, EntryRow[]>(async (ids) =>
      groupByList(ids, await readEntries(ctx.db, ids)),
    ),
    decisions: new DataLoader<string, DecisionRow[]>(async (ids) =>
      groupByList(ids, await readDecisions(ctx.db, ids)),
    ),
  }));
}

const placeOf = (list: ListRow, e: { schoolId: number; municipalityId: number }) => ({
  schoolId: e.schoolId,
  municipalityId: e.municipalityId,
  regionId: list.regionId,
});

/** The entries of a list the viewer may see (the one scope rule), in list order. */
export async function scopedEntries(ctx: Context, list: ListRow): Promise<EntryView[]> {
  const rows = await (await loaders(ctx)).entries.load(list.id);
  return rows.filter((e) => isInScope(ctx.viewer, placeOf(list, e))).map((e) => ({ ...e, list }));
}

/** Every decision ever recorded on the list's entries the viewer may see, oldest first. */
export async function scopedDecisions(
  ctx: Context,
  list: ListRow,
): Promise<(DecisionRow & { schoolCode: string })[]> {
  const [entries, decisions] = await Promise.all([
    scopedEntries(ctx, list),
    loaders(ctx).then((l) => l.decisions.load(list.id)),
  ]);
  const codeOf = new Map(entries.map((e) => [e.schoolId, e.schoolCode]));
  return decisions.flatMap((d) => {
    const schoolCode = codeOf.get(d.schoolId);
    return schoolCode === undefined ? [] : [{ ...d, schoolCode }];
  });
}
