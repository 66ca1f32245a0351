import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../page-info.type.js';
import { MethodologyRef } from './methodology.types.js';
import { ShnorEvidenceType, ShnorStatus } from './shnor.types.js';

@ObjectType('ShnorCandidate', {
  simpleResolvers: true,
  description: 'One school’s ШНОР decision for a list year, with its evidence',
})
export class ShnorCandidateType {
  schoolId!: number;

  @Field(() => ShnorStatus)
  status!: ShnorStatus;

  @Field({ description: 'On the approved list of y − 1 and no longer low: переход в эффективный режим' })
  exitCandidate!: boolean;

  @Field(() => Float, { nullable: true, description: 'lowIndex in the list year' })
  lowIndex!: number | null;

  @Field(() => Float, { nullable: true, description: 'lowRank in the list year' })
  lowRank!: number | null;

  @Field(() => Float, { nullable: true, description: 'lowIndex in the year before' })
  previousLowIndex!: number | null;

  @Field(() => Float, { nullable: true, description: 'lowRank in the year before' })
  previousLowRank!: number | null;

  @Field(() => ShnorEvidenceType)
  evidence!: ShnorEvidenceType;

  @Field({ description: 'One sentence in Russian: why this status' })
  explanation!: string;
}

const Page = connectionType(ShnorCandidateType, 'ShnorCandidate', { extended: true });

@ObjectType({ simpleResolvers: true })
export class ShnorCandidateConnection extends Page {
  @Field(() => Int)
  year!: number;

  @Field(() => MethodologyRef)
  methodology!: MethodologyRef;

  @Field(() => Int, {
    description: 'Data version the answer was computed from (bumped by every load or import)',
  })
  dataVersion!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Counts of schools per status in one region or municipality',
})
export class ShnorSummaryRow {
  regionId!: number;
  municipalityId!: number | null;

  @Field(() => Int)
  schools!: number;

  @Field(() => Int)
  eligible!: number;

  @Field(() => Int)
  review!: number;

  @Field(() => Int)
  notEligible!: number;

  @Field(() => Int)
  insufficientData!: number;

  @Field(() => Int)
  exitCandidates!: number;
}

@ObjectType({ simpleResolvers: true })
export class ShnorSummary {
  @Field(() => Int)
  year!: number;

  @Field(() => MethodologyRef)
  methodology!: MethodologyRef;

  @Field(() => Int)
  dataVersion!: number;

  @Field(() => [ShnorSummaryRow])
  rows!: ShnorSummaryRow[];
}
