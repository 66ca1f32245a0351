import { describedValues } from '../enum-values.js';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { type RiskProfile, riskFactorSummary } from '../../../analytics/risk/index.js';
import { type Context } from '../../context.js';
import { placeFilter } from '../../services/analytics/place-filter.js';
import { badUserInput } from '../../errors.js';
import { pageSize } from '../../pagination.js';
import { methodologyView } from '../../services/analytics/candidate-view.js';
import { resolveMethodology } from '../../services/analytics/methodology.js';
import { riskFactorNumbers, riskYear, type SchoolPlace } from '../../services/analytics/risk.service.js';
import { MethodologyArgs } from '../inputs/methodology.args.js';
import { checkYear } from '../inputs/validate.js';
import {
  RiskFactorSummaryType,
  RiskLevel,
  RiskProfileConnection,
  RiskProfileType,
} from '../types/analytics/risk.types.js';
import { arrayPage } from '../types/page-info.type.js';
import { School } from '../types/school.type.js';

export enum RiskGroupBy {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
}
registerEnumType(RiskGroupBy, { name: 'RiskGroupBy', valuesConfig: describedValues('RiskGroupBy') });

/** level/factor filter of riskProfiles, as documented on the query. */
function matches(p: RiskProfile, level: RiskLevel | undefined, factor: number | undefined): boolean {
  if (factor === undefined) return level === undefined || p.factors.some((f) => f.level === level);
  const f = p.factors.find((x) => x.factor === factor);
  if (!f) return false;
  return level === undefined ? f.level === 'HIGH' || f.level === 'MEDIUM' : f.level === level;
}

const highCount = (p: RiskProfile) => p.factors.filter((f) => f.level === 'HIGH').length;

@Resolver(() => RiskProfileType)
export class RiskResolver {
  @Query(() => RiskProfileConnection, {
    description:
      'Risk profiles ([METHODOLOGY-V1 §4](/docs/methodology#risk-profile)) of the schools with indicators or results in `year` (without a survey: ' +
      'R6 from SR_VPR_LOW, the other factors NO_DATA), most HIGH factors first, ' +
      'then by school id. `level` and `factor` together: that factor is at that level; `level` alone: ' +
      'some factor is at that level; `factor` alone: that factor is HIGH or MEDIUM.',
  })
  async riskProfiles(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('year', () => Int) year: number,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[],
    @Arg('municipalityIds', () => [ID], { nullable: true }) municipalityIds?: string[],
    @Arg('schoolCodes', () => [String], { nullable: true }) schoolCodes?: string[],
    @Arg('level', () => RiskLevel, { nullable: true }) level?: RiskLevel,
    @Arg('factor', () => Int, { nullable: true, description: 'Factor number, 1 for R1 … 10 for R10' })
    factor?: number,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    checkYear('year', year);
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    const factorNumber = factor ?? undefined;
    if (factorNumber !== undefined && !riskFactorNumbers(m).has(factorNumber)) {
      throw badUserInput('factor', `factor: no risk factor R${factorNumber} in methodology «${m.name}»`);
    }
    const computed = await riskYear(ctx.db, ctx.analyticsCache, m, year);
    const wanted = await placeFilter(ctx, { regionCodes, municipalityIds, schoolCodes });
    const rows = [...computed.profiles.values()]
      .filter((p) => wanted(computed.places.get(p.schoolId)) && matches(p, level ?? undefined, factorNumber))
      .map((p) => ({ profile: p, high: highCount(p) }))
      .sort((a, b) => b.high - a.high || a.profile.schoolId - b.profile.schoolId);
    const connection = arrayPage(rows, size, after, (r) => r.profile);
    return Object.assign(connection, {
      year,
      methodology: methodologyView(m),
      dataVersion: computed.dataVersion,
    });
  }

  @Query(() => RiskFactorSummaryType, {
    description:
      'Per region (or municipality) and risk factor: schools at each level, counting only the schools ' +
      'in the viewer’s scope; high + medium + low + noData = schools',
  })
  async riskFactorSummary(
    @Ctx() ctx: Context,
    @Args(() => MethodologyArgs) { methodology, overrides }: MethodologyArgs,
    @Arg('year', () => Int) year: number,
    @Arg('groupBy', () => RiskGroupBy, { defaultValue: RiskGroupBy.REGION }) groupBy: RiskGroupBy,
    @Arg('regionCodes', () => [String], { nullable: true }) regionCodes?: string[],
  ) {
    checkYear('year', year);
    const m = await resolveMethodology(ctx.db, methodology, overrides, ctx);
    const computed = await riskYear(ctx.db, ctx.analyticsCache, m, year);
    const wanted = await placeFilter(ctx, { regionCodes });
    // Scope first: a group's counts and shares never include a school the viewer may not see.
    const profiles = [...computed.profiles.values()].filter((p) => wanted(computed.places.get(p.schoolId)));
    const byMunicipality = groupBy === RiskGroupBy.MUNICIPALITY;
    // group id → its region, so that each row can name both
    const regionOfGroup = new Map<number, number>();
    const rows = riskFactorSummary(profiles, (p) => {
      const place = computed.places.get(p.schoolId) as SchoolPlace;
      const group = byMunicipality ? place.municipalityId : place.regionId;
      regionOfGroup.set(group, place.regionId);
      return group;
    }).map(({ group, ...row }) => ({
      ...row,
      code: `R${row.factor}`,
      regionId: regionOfGroup.get(group as number) as number,
      municipalityId: byMunicipality ? (group as number) : null,
    }));
    rows.sort(
      (a, b) =>
        a.regionId - b.regionId || (a.municipalityId ?? 0) - (b.municipalityId ?? 0) || a.factor - b.factor,
    );
    return { year, methodology: methodologyView(m), dataVersion: computed.dataVersion, rows };
  }

  @FieldResolver(() => School, { nullable: true, description: 'Null when outside the viewer’s scope' })
  school(@Root() profile: RiskProfile, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(profile.schoolId);
  }
}
