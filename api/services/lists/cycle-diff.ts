import { lowIndexChange } from '../../../analytics/support/cycle.js';
import { may } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { type EntrySupport, yearSupport } from './cycle.js';
import { type ListRow } from './list-store.js';
import { type EntryView } from './list-reads.js';
import { type ListDiff } from './rules.js';
import { entryView } from './views.js';

/** The list diff's side of «the cycle closed» (issue 13 item 5): who left after support, who stayed despite it. */

type EntryAnswer = ReturnType<typeof entryView> & { support: EntrySupport };

/**
 * The diff's two support sets: of the schools included in `from` that got support in its year
 * (a roadmap of their municipality, a curator or a partner; as of the day `to` was made), those
 * not included in `to` (exitedAfterSupport, entries of `from`) and those included in both
 * (stayedDespiteSupport, entries of `to`). change is the `to` snapshot's lowIndex − previousLowIndex
 * when `to` is the next year's, else lowIndex of `to` − lowIndex of `from`. Empty unless `from` is
 * the earlier year, and for a viewer without `support.read`.
 */
export async function diffSupport(
  ctx: Context,
  from: ListRow,
  to: ListRow,
  before: readonly EntryView[],
  after: readonly EntryView[],
  diff: ListDiff<EntryView>,
): Promise<{ exitedAfterSupport: EntryAnswer[]; stayedDespiteSupport: EntryAnswer[] }> {
  if (!may(ctx.viewer, 'support.read') || from.year >= to.year) {
    return { exitedAfterSupport: [], stayedDespiteSupport: [] };
  }
  const bySchool = await yearSupport(ctx, from, to.id);
  const fromOf = new Map(before.map((e) => [e.schoolId, e]));
  const toOf = new Map(after.map((e) => [e.schoolId, e]));
  const change = (schoolId: number) => {
    const next = toOf.get(schoolId)?.evidence;
    if (to.year === from.year + 1) return lowIndexChange(next?.lowIndex, next?.previousLowIndex);
    return lowIndexChange(next?.lowIndex, fromOf.get(schoolId)?.evidence.lowIndex);
  };
  const supported = (entries: readonly EntryView[]) =>
    entries.flatMap((e) => {
      const support = bySchool.get(e.schoolId);
      return support?.supported
        ? [{ ...entryView(e), support: { ...support, change: change(e.schoolId) } }]
        : [];
    });
  return { exitedAfterSupport: supported(diff.exited), stayedDespiteSupport: supported(diff.stayed) };
}
