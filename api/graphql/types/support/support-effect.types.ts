import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MethodologyRef } from '../analytics/methodology.types.js';
import { Municipality } from '../place.types.js';
import { SupportRef } from './partner-suggestions.types.js';

export enum SupportEffectGroup {
  TREATED = 'TREATED',
  CONTROL = 'CONTROL',
}
registerEnumType(SupportEffectGroup, {
  name: 'SupportEffectGroup',
  description: 'The group of a school in the effect of support (SUPPORT-V1 §6)',
  valuesConfig: {
    TREATED: { description: 'On the approved ШНОР list of (r, y): supported' },
    CONTROL: {
      description: 'Ranked in y, not on that list, lowRank(s, y) ≥ controlRankMin: the near-miss group',
    },
  },
});

@ObjectType('SupportEffectDelta', {
  simpleResolvers: true,
  description: 'One school’s outcome Δ = lowIndex(s, y + k) − lowIndex(s, y) (SUPPORT-V1 §6)',
})
export class SupportEffectDeltaType {
  @Field({ description: 'The school’s code (логин ОО)' })
  schoolCode!: string;

  @Field()
  schoolName!: string;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => SupportEffectGroup)
  group!: SupportEffectGroup;

  @Field(() => Float, { description: 'lowIndex(s, y), §7-rounded' })
  lowIndex!: number;

  @Field(() => Float, { description: 'lowIndex(s, y + k), §7-rounded' })
  outcomeLowIndex!: number;

  @Field(() => Float, { description: 'outcomeLowIndex − lowIndex, exact on the 12 decimals' })
  delta!: number;
}

@ObjectType('SupportEffectExcluded', {
  simpleResolvers: true,
  description: 'A school of T or C without an outcome: it left its group (SUPPORT-V1 §6 `excludedNoOutcome`)',
})
export class SupportEffectExcludedType {
  @Field()
  schoolCode!: string;

  @Field(() => SupportEffectGroup)
  group!: SupportEffectGroup;

  @Field(() => Int, {
    description:
      'The year it is not ranked in: y + k (no outcome), or y for a listed school kept on the list without results',
  })
  notRankedIn!: number;
}

@ObjectType('SupportEffectFigures', {
  simpleResolvers: true,
  description:
    'The difference-in-differences of lowIndex, treated against controls (SUPPORT-V1 §6): exact, reported at ' +
    'didReportDecimals (12) decimals. Undefined (`defined: false`: did, se, the interval and df null) when nT ' +
    'or nC < didMinGroup; n, the means and the variances are reported regardless',
})
export class SupportEffectFiguresType {
  @Field(() => Int, { description: 'Treated schools with an outcome' })
  nT!: number;

  @Field(() => Int, { description: 'Control schools with an outcome' })
  nC!: number;

  @Field(() => Float, { nullable: true, description: 'Mean Δ of T; null when nT = 0' })
  meanDeltaT!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean Δ of C; null when nC = 0' })
  meanDeltaC!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample variance s² (n − 1) of Δ in T; null when nT < 2',
  })
  varianceT!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sample variance s² (n − 1) of Δ in C; null when nC < 2',
  })
  varianceC!: number | null;

  @Field(() => Float, { nullable: true, description: 'DiD = mean ΔT − mean ΔC' })
  did!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'SE = √(s²T/nT + s²C/nC), the root to didRootDigits digits',
  })
  se!: number | null;

  @Field(() => Float, { nullable: true, description: 'DiD − didZ · SE' })
  ciLow!: number | null;

  @Field(() => Float, { nullable: true, description: 'DiD + didZ · SE' })
  ciHigh!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Welch–Satterthwaite degrees of freedom; null when undefined, and when SE = 0 (both variances 0: the ratio is 0/0)',
  })
  df!: number | null;

  @Field({ description: 'nT ≥ didMinGroup and nC ≥ didMinGroup' })
  defined!: boolean;

  @Field(() => [SupportEffectDeltaType], {
    description: 'The Δ behind the figures, TREATED first, then by school code',
  })
  deltas!: SupportEffectDeltaType[];

  @Field(() => [SupportEffectExcludedType], {
    description: 'Schools of T or C left out for want of an outcome, TREATED first, then by code',
  })
  excludedNoOutcome!: SupportEffectExcludedType[];
}

@ObjectType('SupportEffectRegion', {
  simpleResolvers: true,
  description:
    'The effect of support in one region r with an approved list of y, over the schools of the viewer’s scope',
})
export class SupportEffectRegionType extends SupportEffectFiguresType {
  regionId!: number;

  @Field({ description: 'The region’s code (56 = Оренбургская область)' })
  regionCode!: string;

  @Field(() => ID, { description: 'The approved (or published) list of (r, y): its included schools are T' })
  listId!: string;

  @Field(() => MethodologyRef, {
    description: 'The methodology the list was made with: lowIndex and lowRank of y and y + k are its',
  })
  methodology!: MethodologyRef;

  @Field({
    description:
      'True when the viewer’s scope holds the whole region; otherwise T and C are the schools of its scope only',
  })
  scopeCoversRegion!: boolean;
}

@ObjectType('SupportEffect', {
  simpleResolvers: true,
  description:
    'The effect of support (SUPPORT-V1 §6): difference-in-differences per region and for the whole scope',
})
export class SupportEffectType {
  @Field(() => Int, { description: 'The list year y' })
  year!: number;

  @Field(() => Int, { description: 'y + k, the year of the outcome' })
  outcomeYear!: number;

  @Field(() => Int, { description: 'k (didHorizon, or the request’s horizon)' })
  horizon!: number;

  @Field(() => Float, { description: 'didControlRankMin, or the request’s controlRankMin' })
  controlRankMin!: number;

  @Field(() => [SupportEffectRegionType], {
    description:
      'One row per region of the question with an approved list of y and a school in the viewer’s scope',
  })
  regions!: SupportEffectRegionType[];

  @Field(() => SupportEffectFiguresType, { description: 'The regions’ T and C pooled: the whole scope' })
  total!: SupportEffectFiguresType;

  @Field(() => [String], {
    description: 'Regions of the question with a school in the viewer’s scope but no approved list of y',
  })
  regionsWithoutList!: string[];

  @Field(() => SupportRef, {
    description: 'support-v1 and the §6 parameters used (overridden: horizon or controlRankMin given)',
  })
  support!: SupportRef;

  @Field(() => [MethodologyRef], { description: 'The methodologies of the regions’ lists, each once' })
  methodologies!: MethodologyRef[];

  @Field(() => Int, { description: 'Data version the answer was computed from' })
  dataVersion!: number;
}
