import { resilient } from '../../../analytics/context/index.js';
import { type MethodologyOverrides } from '../../../analytics/methodology/overrides.js';
import { type Context } from '../../context.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { candidateView, methodologyView } from './candidate-view.js';
import { resolveMethodology } from './methodology.js';
import { riskYear } from './risk.service.js';
import { shnorYear } from './shnor.service.js';

/**
 * school.analytics: one school's status with evidence, markers, risk profile and social context in
 * a year. The school is already in the viewer's scope (it was read through it). The country-wide
 * computations are cached: every school of a page shares them.
 */
export async function schoolAnalytics(
  ctx: Context,
  schoolId: number,
  q: { year: number; methodology: string; overrides?: MethodologyOverrides | null },
) {
  const { year } = q;
  checkYear('year', year);
  const m = await resolveMethodology(ctx, q.methodology, q.overrides, ctx);
  const [shnor, risk, markers] = await Promise.all([
    shnorYear(ctx, m, year),
    riskYear(ctx, m, year),
    ctx.loaders.markers(m.params, [year - 1, year]).load(schoolId),
  ]);
  const view = methodologyView(m);
  const candidate = shnor.bySchool.get(schoolId);
  const shown = candidate ? candidateView(candidate, view) : null;
  const wellbeing = risk.wellbeing.get(schoolId);
  const coreMarked = candidate?.markedCurrent ?? false;
  return {
    year,
    methodology: view,
    status: shown?.status ?? null,
    exitCandidate: shown?.exitCandidate ?? false,
    explanation: shown?.explanation ?? null,
    lowIndex: shown?.lowIndex ?? null,
    lowRank: shown?.lowRank ?? null,
    evidence: shown?.evidence ?? null,
    markers,
    riskProfile: risk.profiles.get(schoolId) ?? null,
    context: wellbeing
      ? {
          ...wellbeing,
          resilient: resilient(wellbeing.difficultContext, shown?.lowRank ?? null, coreMarked, m.params),
        }
      : null,
  };
}
