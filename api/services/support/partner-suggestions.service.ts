import { GraphQLError } from 'graphql';
import { resilient } from '../../../analytics/context/index.js';
import { type MethodologyOverrides } from '../../../analytics/methodology/overrides.js';
import { type ShnorStatus } from '../../../analytics/shnor/index.js';
import {
  type PartnerCandidate,
  type PartnerOverrides,
  partnerOverrideProblems,
  suggestPartners,
  SUPPORT_V1,
  SUPPORT_VERSION,
  type SupportParams,
  withPartnerOverrides,
} from '../../../analytics/support/index.js';
import { type Queryable } from '../../../db/queryable.js';
import { isInScope } from '../../../db/scope.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { methodologyView } from '../analytics/candidate-view.js';
import { findScopedSchool } from '../analytics/dynamics.service.js';
import { type EffectiveMethodology, resolveMethodology } from '../analytics/methodology.js';
import { riskYear } from '../analytics/risk.service.js';
import { shnorYear } from '../analytics/shnor.service.js';
import { frozenListOf } from '../lists/list-store.js';
import { type Decision, isIncluded } from '../lists/rules.js';

/** The support version an answer was computed with: its name, whether a request changed it, its parameters. */
export interface SupportView {
  name: string;
  overridden: boolean;
  params: SupportParams;
}

export interface PartnerQuestion {
  year: number;
  schoolCode: string;
  methodology: string;
  overrides?: MethodologyOverrides | null;
  supportOverrides?: PartnerOverrides | null;
}

/** support-v1, or it with a request's §4 overrides (checked, each wrong value named). */
function supportOf(ctx: Context, overrides: PartnerOverrides | null | undefined): SupportView {
  if (!overrides) return { name: SUPPORT_VERSION, overridden: false, params: SUPPORT_V1 };
  // the same rule as a methodology what-if: for viewers who may see analytics, refused before anything is read
  authorize(ctx.viewer, 'analytics.whatIf', { argument: 'supportOverrides' });
  const problems = partnerOverrideProblems(overrides);
  if (problems.length > 0) {
    throw badUserInput(
      `supportOverrides.${problems[0]!.path}`,
      problems.map((p) => `supportOverrides.${p.path}: ${p.message}`).join('; '),
    );
  }
  return { name: SUPPORT_VERSION, overridden: true, params: withPartnerOverrides(SUPPORT_V1, overrides) };
}

/**
 * Partner suggestions are asked for a school of an approved list; anything else is the caller's
 * mistake, answered with the school code as the argument and `reason` saying which.
 */
function notOnApprovedList(
  code: string,
  year: number,
  regionCode: string,
  listId: string | null,
): GraphQLError {
  const message = listId
    ? `schoolCode: «${code}» is not on the approved ШНОР list ${listId} of region ${regionCode} for ${year}; partners are suggested for the schools of an approved list only`
    : `schoolCode: region ${regionCode} has no approved ШНОР list for ${year} yet; partners are suggested for the schools of an approved list only`;
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argument: 'schoolCode',
      reason: listId ? 'NOT_ON_APPROVED_LIST' : 'NO_APPROVED_LIST',
      ...(listId ? { listId } : {}),
    },
  });
}

/** The schools included in one list (the one inclusion rule of lists/rules.ts). */
async function includedIn(db: Queryable, listId: string): Promise<Set<number>> {
  const rows = await db.query<{ school_id: number; status: ShnorStatus; decision: Decision | null }>(
    `select school_id, status, decision from shnor_list_entry where list_id = $1`,
    [listId],
  );
  return new Set(rows.filter((r) => isIncluded({ ...r, previouslyListed: false })).map((r) => r.school_id));
}

/** The codes of a region's schools: §4 orders by code last. */
async function codesOfRegion(db: Queryable, regionId: number): Promise<Map<number, string>> {
  const rows = await db.query<{ id: number; code: string }>(
    `select s.id, s.code from school s join municipality m on m.id = s.municipality_id where m.region_id = $1`,
    [regionId],
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** The listed school s as the suggestions need it. */
interface ListedSchool {
  id: number;
  code: string;
  regionId: number;
  municipalityId: number;
}

/**
 * Everything §4 reads once per (region, list, methodology): the candidates of the region in the
 * viewer's scope with their values, and the approved list's schools. Memoised per request, so the
 * suggestions of every entry of a list cost the statements of one.
 */
function regionCandidates(
  ctx: Context,
  m: EffectiveMethodology,
  year: number,
  regionId: number,
  listId: string,
) {
  return ctx.memo.once(`partners:${m.hash}:${year}:${regionId}:${listId}`, async () => {
    const [shnor, risk, codes, listed] = await Promise.all([
      shnorYear(ctx, m, year),
      riskYear(ctx, m, year),
      codesOfRegion(ctx.db, regionId),
      includedIn(ctx.db, listId),
    ]);
    const ofRegion = shnor.candidates.filter((c) => c.regionId === regionId);
    const visible = ofRegion.filter((c) => isInScope(ctx.viewer, c));
    const candidates: PartnerCandidate[] = visible.map((c) => {
      const wellbeing = risk.wellbeing.get(c.schoolId);
      return {
        schoolId: c.schoolId,
        code: codes.get(c.schoolId) ?? '',
        regionId: c.regionId,
        municipalityId: c.municipalityId,
        lowIndex: c.current.lowIndex,
        lowRank: c.current.lowRank,
        low: c.current.low,
        swi: wellbeing?.swi ?? null,
        resilient: resilient(
          wellbeing?.difficultContext ?? null,
          c.current.lowRank,
          c.markedCurrent,
          m.params,
        ),
        onApprovedList: listed.has(c.schoolId),
      };
    });
    return {
      listed,
      candidates,
      swiOf: (schoolId: number) => risk.wellbeing.get(schoolId)?.swi ?? null,
      scopeCoversRegion: visible.length === ofRegion.length,
      dataVersion: shnor.dataVersion,
    };
  });
}

/** §4 for one listed school of a frozen list, from the region's candidates. */
async function suggestionsFor(
  ctx: Context,
  m: EffectiveMethodology,
  support: SupportView,
  year: number,
  school: ListedSchool,
  listId: string,
) {
  const region = await regionCandidates(ctx, m, year, school.regionId, listId);
  const swi = region.swiOf(school.id);
  const result = suggestPartners(
    {
      schoolId: school.id,
      code: school.code,
      regionId: school.regionId,
      municipalityId: school.municipalityId,
      swi,
    },
    region.candidates,
    support.params.partners,
  );
  return {
    year,
    listId,
    swi,
    ...result,
    scopeCoversRegion: region.scopeCoversRegion,
    support,
    methodology: methodologyView(m),
    dataVersion: region.dataVersion,
  };
}

/**
 * partnerSuggestions (SUPPORT-V1 §4) for school s on the approved list of (r, y), r its region.
 * Checked in this order: the year, the support overrides, the methodology (a what-if is authorized
 * there), the school (outside the viewer's scope reads as unknown), the approved list and s on it.
 * The values are those of shnorCandidates and school.analytics (the same cached computations of the
 * methodology asked for). Candidates are the schools of r **in the viewer's scope**: a viewer whose
 * scope holds part of r (a municipality, a school) is suggested and counted only schools it may see,
 * and `scopeCoversRegion` says so.
 */
export async function partnerSuggestions(ctx: Context, q: PartnerQuestion) {
  const { year } = q;
  checkYear('year', year);
  const support = supportOf(ctx, q.supportOverrides);
  const m = await resolveMethodology(ctx, q.methodology, q.overrides, ctx);
  const school = await findScopedSchool(ctx, 'schoolCode', q.schoolCode);
  const regionId = school.regionId;
  const listId = await frozenListOf(ctx.db, year, regionId);
  const regionCode = async () => (await ctx.loaders.region.load(regionId))?.code ?? String(regionId);
  if (!listId) throw notOnApprovedList(school.code, year, await regionCode(), null);
  const { listed } = await regionCandidates(ctx, m, year, regionId, listId);
  if (!listed.has(school.id)) throw notOnApprovedList(school.code, year, await regionCode(), listId);
  return { school, ...(await suggestionsFor(ctx, m, support, year, school, listId)) };
}

/**
 * The field on a list entry: the suggestions of an included school of an approved (or published)
 * list, with the list's own methodology and support-v1; null for a draft or an entry not included.
 * The entry was read through the viewer's scope.
 */
export async function entryPartnerSuggestions(
  ctx: Context,
  entry: { schoolId: number; schoolCode: string; municipalityId: number; included: boolean },
  list: { id: string; year: number; regionId: number; status: string; methodologyName: string },
) {
  if (!entry.included || (list.status !== 'APPROVED' && list.status !== 'PUBLISHED')) return null;
  const m = await resolveMethodology(ctx, list.methodologyName, null, ctx);
  const support: SupportView = { name: SUPPORT_VERSION, overridden: false, params: SUPPORT_V1 };
  const school = {
    id: entry.schoolId,
    code: entry.schoolCode,
    regionId: list.regionId,
    municipalityId: entry.municipalityId,
  };
  const answer = await suggestionsFor(ctx, m, support, list.year, school, list.id);
  const row = await ctx.loaders.school.load(entry.schoolId);
  return row ? { school: row, ...answer } : null;
}

export type PartnerSuggestionsAnswer = Awaited<ReturnType<typeof partnerSuggestions>>;
