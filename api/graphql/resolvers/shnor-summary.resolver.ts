import { describedValues } from '../enum-values.js';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { type Context } from '../../context.js';
import { methodologyView } from '../../services/analytics/candidate-view.js';
import { resolveMethodology } from '../../services/analytics/methodology.js';
import { shnorYear } from '../../services/analytics/shnor.service.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { checkYear } from '../inputs/validate.js';
import { ShnorSummary, ShnorSummaryRow } from '../types/analytics/candidate.types.js';
import { Municipality, Region } from '../types/place.types.js';
import { placeFilter } from '../../services/analytics/place-filter.js';

export enum SummaryGroupBy {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
}
registerEnumType(SummaryGroupBy, { name: 'SummaryGroupBy', valuesConfig: describedValues('SummaryGroupBy') });

const FIELD = {
  ELIGIBLE: 'eligible',
  REVIEW: 'review',
  NOT_ELIGIBLE: 'notEligible',
  INSUFFICIENT_DATA: 'insufficientData',
} as const;

@Resolver(() => ShnorSummaryRow)
export class ShnorSummaryResolver {
  @Query(() => ShnorSummary, {
    description: 'Schools per ШНОР status per region or municipality, for dashboards',
  })
  async shnorSummary(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('year', () => Int) year: number,
    @Arg('groupBy', () => SummaryGroupBy, { defaultValue: SummaryGroupBy.REGION })
    groupBy: SummaryGroupBy = SummaryGroupBy.REGION,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[],
  ) {
    checkYear('year', year);
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    const computed = await shnorYear(ctx.db, ctx.analyticsCache, m, year);
    const wanted = await placeFilter(ctx, { regionCodes });
    const rows = new Map<number, ShnorSummaryRow>();
    for (const c of computed.candidates) {
      // Counts only what the viewer may see: an aggregate never includes rows outside the scope.
      if (!wanted(c)) continue;
      const key = groupBy === SummaryGroupBy.REGION ? c.regionId : c.municipalityId;
      let row = rows.get(key);
      if (!row) {
        row = {
          regionId: c.regionId,
          municipalityId: groupBy === SummaryGroupBy.REGION ? null : c.municipalityId,
          schools: 0,
          eligible: 0,
          review: 0,
          notEligible: 0,
          insufficientData: 0,
          exitCandidates: 0,
        };
        rows.set(key, row);
      }
      row.schools += 1;
      row[FIELD[c.status]] += 1;
      if (c.exitCandidate) row.exitCandidates += 1;
    }
    return {
      year,
      methodology: methodologyView(m),
      dataVersion: computed.dataVersion,
      rows: [...rows.values()].sort(
        (a, b) => a.regionId - b.regionId || (a.municipalityId ?? 0) - (b.municipalityId ?? 0),
      ),
    };
  }

  @FieldResolver(() => Region)
  region(@Root() row: ShnorSummaryRow, @Ctx() ctx: Context) {
    return ctx.loaders.region.load(row.regionId);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() row: ShnorSummaryRow, @Ctx() ctx: Context) {
    return row.municipalityId === null ? null : ctx.loaders.municipality.load(row.municipalityId);
  }
}
