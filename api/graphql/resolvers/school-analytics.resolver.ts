import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { resilient } from '../../../analytics/context/index.js';
import { type Context } from '../../context.js';
import { candidateView, methodologyView } from '../../services/analytics/candidate-view.js';
import { resolveMethodology } from '../../services/analytics/methodology.js';
import { riskYear } from '../../services/analytics/risk.service.js';
import { shnorYear } from '../../services/analytics/shnor.service.js';
import { type SchoolRow } from '../../services/school-query.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { checkYear } from '../inputs/validate.js';
import { SchoolAnalyticsType } from '../types/analytics/school-analytics.types.js';
import { School } from '../types/school.type.js';

@Resolver(() => School)
export class SchoolAnalyticsResolver {
  @FieldResolver(() => SchoolAnalyticsType, {
    description:
      'Indicators, rank, ШНОР status with evidence, markers, risk profile and social context in a year',
  })
  async analytics(
    @Root() school: SchoolRow,
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('year', () => Int) year: number,
  ) {
    checkYear('year', year);
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    // Country-wide computations, cached: every school of a page shares them.
    const [shnor, risk, markers] = await Promise.all([
      shnorYear(ctx.db, ctx.analyticsCache, m, year),
      riskYear(ctx.db, ctx.analyticsCache, m, year),
      ctx.loaders.markers(m.params, [year - 1, year]).load(school.id),
    ]);
    const view = methodologyView(m);
    const candidate = shnor.bySchool.get(school.id);
    const shown = candidate ? candidateView(candidate, view) : null;
    const wellbeing = risk.wellbeing.get(school.id);
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
      riskProfile: risk.profiles.get(school.id) ?? null,
      context: wellbeing
        ? {
            ...wellbeing,
            resilient: resilient(wellbeing.difficultContext, shown?.lowRank ?? null, coreMarked, m.params),
          }
        : null,
    };
  }
}
