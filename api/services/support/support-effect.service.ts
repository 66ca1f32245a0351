import { compareCodePoints, SUPPORT_V1, SUPPORT_VERSION } from '../../../analytics/support/index.js';
import {
  type DidDelta,
  type DidExcluded,
  type DidGroup,
  didGroups,
} from '../../../analytics/support/did-groups.js';
import {
  type DidOverrides,
  didArgumentProblems,
  didStatistics,
  type DidStatistics,
  withDidOverrides,
} from '../../../analytics/support/did.js';
import { scopeCondition, SCHOOL_SCOPE } from '../../../db/scope.js';
import { regionsAsked } from './execution-places.js';
import { sql } from '../../../db/sql.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { methodologyView, type MethodologyView } from '../analytics/candidate-view.js';
import { resolveMethodology } from '../analytics/methodology.js';
import { requestDataVersion } from '../analytics/request-memo.js';
import { shnorYear } from '../analytics/shnor.service.js';
import { findList, frozenListOf, readEntries } from '../lists/list-store.js';
import { isIncluded } from '../lists/rules.js';
import { type SupportView } from './partner-suggestions.service.js';

export interface SupportEffectQuestion extends DidOverrides {
  year: number;
  regionCodes?: readonly string[] | null;
}

/** A school of the viewer's scope, with the names the answer shows. */
interface ScopedSchool {
  id: number;
  code: string;
  name: string;
  municipalityId: number;
  municipalityName: string;
  regionId: number;
}

export interface EffectSchool extends DidDelta {
  schoolCode: string;
  schoolName: string;
  municipality: { id: number; name: string; regionId: number };
}

export interface EffectExcluded extends Omit<DidExcluded, 'notRanked'> {
  schoolCode: string;
  /** the year the school is not ranked in: y (a listed school without results) or y + k */
  notRankedIn: number;
}

export type EffectRow = DidStatistics & { deltas: EffectSchool[]; excludedNoOutcome: EffectExcluded[] };

export interface EffectRegionRow extends EffectRow {
  regionId: number;
  regionCode: string;
  listId: string;
  methodology: MethodologyView;
  scopeCoversRegion: boolean;
}

/** TREATED before CONTROL, then by school code (codepoint order, as §4 orders codes). */
const GROUP_ORDER: Record<DidGroup, number> = { TREATED: 0, CONTROL: 1 };
const bySchool = (a: { group: DidGroup; schoolCode: string }, b: { group: DidGroup; schoolCode: string }) =>
  GROUP_ORDER[a.group] - GROUP_ORDER[b.group] || compareCodePoints(a.schoolCode, b.schoolCode);

/** support-v1 with the request's horizon and controlRankMin, each wrong one named. */
function supportOf(q: DidOverrides): SupportView {
  const problems = didArgumentProblems(q);
  if (problems.length > 0) {
    throw badUserInput(problems[0]!.argument, problems.map((p) => p.message).join('; '));
  }
  const overridden = q.horizon != null || q.controlRankMin != null;
  return {
    name: SUPPORT_VERSION,
    overridden,
    params: overridden ? withDidOverrides(SUPPORT_V1, q) : SUPPORT_V1,
  };
}

/** The schools of these regions the viewer may see (the one scope rule), with their names. */
function schoolsInScope(ctx: Context, regionIds: readonly number[]): Promise<ScopedSchool[]> {
  return ctx.db.query<ScopedSchool & Record<string, unknown>>(
    sql`select s.id, s.code, s.name, s.municipality_id as "municipalityId", m.name as "municipalityName",
          m.region_id as "regionId"
        from school s join municipality m on m.id = s.municipality_id
        where ${sql.in(sql`m.region_id`, regionIds)} and ${scopeCondition(ctx.viewer, SCHOOL_SCOPE, 'rows')}`,
  );
}

/**
 * §6 for one region r with an approved list of y: T and C among the schools of the viewer's scope,
 * lowIndex and lowRank of y and lowIndex of y + k from the methodology the list was made with (the
 * cached computations shnorCandidates and partnerSuggestions read).
 */
async function regionEffect(
  ctx: Context,
  support: SupportView,
  year: number,
  region: { id: number; code: string },
  listId: string,
  visible: readonly ScopedSchool[],
): Promise<EffectRegionRow> {
  const { didHorizon, didControlRankMin } = support.params.did;
  const list = await findList(ctx.db, listId);
  const m = await resolveMethodology(ctx, list!.methodologyName, null, ctx);
  const [before, after, entries] = await Promise.all([
    shnorYear(ctx, m, year),
    shnorYear(ctx, m, year + didHorizon),
    readEntries(ctx.db, [listId]),
  ]);
  const listed = new Set(entries.filter(isIncluded).map((e) => e.schoolId));
  const groups = didGroups(
    visible.map((s) => {
      const y = before.bySchool.get(s.id)?.current;
      return {
        schoolId: s.id,
        listed: listed.has(s.id),
        lowIndex: y?.lowIndex ?? null,
        lowRank: y?.lowRank ?? null,
        outcomeLowIndex: after.bySchool.get(s.id)?.current.lowIndex ?? null,
      };
    }),
    didControlRankMin,
  );
  const byId = new Map(visible.map((s) => [s.id, s]));
  const named = (id: number) => {
    const s = byId.get(id)!;
    return {
      schoolCode: s.code,
      schoolName: s.name,
      municipality: { id: s.municipalityId, name: s.municipalityName, regionId: s.regionId },
    };
  };
  const deltas = groups.deltas.map((d) => ({ ...d, ...named(d.schoolId) })).sort(bySchool);
  const excludedNoOutcome = groups.excluded
    .map((e) => ({
      schoolId: e.schoolId,
      group: e.group,
      schoolCode: byId.get(e.schoolId)!.code,
      notRankedIn: e.notRanked === 'BASELINE' ? year : year + didHorizon,
    }))
    .sort(bySchool);
  const inRegion = before.candidates.filter((c) => c.regionId === region.id).length;
  return {
    ...statisticsOf(deltas, support),
    deltas,
    excludedNoOutcome,
    regionId: region.id,
    regionCode: region.code,
    listId,
    methodology: methodologyView(m),
    scopeCoversRegion: visible.length === inRegion,
  };
}

function statisticsOf(deltas: readonly EffectSchool[], support: SupportView): DidStatistics {
  const of = (g: DidGroup) => deltas.filter((s) => s.group === g).map((s) => s.delta);
  return didStatistics(of('TREATED'), of('CONTROL'), support.params.did);
}

/**
 * supportEffect (SUPPORT-V1 §6): per region r of the question with an approved (or published) list
 * of y, and for the whole scope (the regions' T and C pooled), the difference-in-differences of
 * lowIndex of the listed schools against the near-miss group.
 *
 * Scope: the schools the viewer may see, and nothing else — a region analyst its region(s), a
 * municipal analyst, a school or a curator the schools of its scope, so T and C are the listed and
 * near-miss schools among those (the ranks stay the region's: lowRank is defined within (r, y)).
 * Over a municipality's few schools the result is usually undefined (fewer than didMinGroup in a
 * group); it is computed all the same, and `scopeCoversRegion` says the row is not the region's.
 * A region without a visible school gives no row; one without an approved list of y is named in
 * `regionsWithoutList`. The horizon and controlRankMin are arguments of the question (nothing is
 * built for them), not a what-if of a methodology.
 */
export async function supportEffect(ctx: Context, q: SupportEffectQuestion) {
  authorize(ctx.viewer, 'support.read');
  checkYear('year', q.year);
  const support = supportOf(q);
  const regions = await regionsAsked(ctx, q.regionCodes);
  const visible = await schoolsInScope(
    ctx,
    regions.map((r) => r.id),
  );
  const rows: EffectRegionRow[] = [];
  const regionsWithoutList: string[] = [];
  for (const region of regions) {
    const own = visible.filter((s) => s.regionId === region.id);
    if (own.length === 0) continue;
    const listId = await frozenListOf(ctx.db, q.year, region.id);
    if (!listId) regionsWithoutList.push(region.code);
    else rows.push(await regionEffect(ctx, support, q.year, region, listId, own));
  }
  const deltas = rows.flatMap((r) => r.deltas).sort(bySchool);
  const methodologies = [...new Map(rows.map((r) => [r.methodology.hash, r.methodology])).values()];
  return {
    year: q.year,
    outcomeYear: q.year + support.params.did.didHorizon,
    horizon: support.params.did.didHorizon,
    controlRankMin: support.params.did.didControlRankMin,
    regions: rows,
    total: {
      ...statisticsOf(deltas, support),
      deltas,
      excludedNoOutcome: rows.flatMap((r) => r.excludedNoOutcome).sort(bySchool),
    },
    regionsWithoutList,
    support,
    methodologies,
    dataVersion: await requestDataVersion(ctx),
  };
}

export type SupportEffectAnswer = Awaited<ReturnType<typeof supportEffect>>;
