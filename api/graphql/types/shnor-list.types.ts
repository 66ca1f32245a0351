import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { describedValues } from '../enum-values.js';
import { MethodologyRef } from './analytics/methodology.types.js';
import { ObjectivityMarkerType, ShnorEvidenceType, ShnorStatus } from './analytics/shnor.types.js';
import { connectionType } from './page-info.type.js';

export enum ShnorListStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(ShnorListStatus, {
  name: 'ShnorListStatus',
  valuesConfig: describedValues('ShnorListStatus'),
  description: 'DRAFT takes decisions; APPROVED is frozen; PUBLISHED is approved and made public',
});

export enum ShnorListDecision {
  INCLUDE = 'INCLUDE',
  EXCLUDE = 'EXCLUDE',
}
registerEnumType(ShnorListDecision, {
  name: 'ShnorListDecision',
  valuesConfig: describedValues('ShnorListDecision'),
  description: 'A manual decision on an entry',
});

@ObjectType({
  simpleResolvers: true,
  description: 'One decision as recorded: kept even when a later one replaced it',
})
export class ShnorListDecisionRecord {
  @Field() schoolCode!: string;
  @Field(() => ShnorListDecision) decision!: ShnorListDecision;
  @Field() justification!: string;
  @Field({ description: 'Who decided (the viewer id of the token)' }) decidedBy!: string;
  @Field() decidedAt!: Date;
}

@ObjectType('ShnorListEntry', {
  simpleResolvers: true,
  description: 'One school of a list: its computed status and evidence as of the snapshot, and the decision',
})
export class ShnorListEntryType {
  schoolId!: number;

  @Field({ description: 'The school’s code at snapshot time' }) schoolCode!: string;
  @Field({ description: 'The school’s name at snapshot time' }) schoolName!: string;
  @Field(() => ShnorStatus, { description: 'Computed status at snapshot time' }) status!: ShnorStatus;
  @Field() exitCandidate!: boolean;
  @Field({ description: 'Included in the approved list of y − 1' }) previouslyListed!: boolean;
  @Field(() => Float, { nullable: true }) lowIndex!: number | null;
  @Field(() => Float, { nullable: true }) lowRank!: number | null;
  @Field(() => Float, { nullable: true }) previousLowIndex!: number | null;
  @Field(() => Float, { nullable: true }) previousLowRank!: number | null;
  @Field(() => ShnorEvidenceType) evidence!: ShnorEvidenceType;
  @Field({ description: 'The Russian sentence of the snapshot' }) explanation!: string;
  @Field(() => [ObjectivityMarkerType], { description: 'Markers of y and y − 1 at snapshot time' })
  markers!: ObjectivityMarkerType[];
  @Field(() => ShnorListDecision, { nullable: true }) decision!: ShnorListDecision | null;
  @Field(() => String, { nullable: true }) justification!: string | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field({ description: 'On the list: the decision if any, else computed status ELIGIBLE' })
  included!: boolean;
  @Field({ description: 'REVIEW, or leaving last year’s list, and not decided yet: blocks approval' })
  needsDecision!: boolean;
}

export const ShnorListEntryConnection = connectionType(ShnorListEntryType, 'ShnorListEntry');

@ObjectType({ simpleResolvers: true, description: 'Entries of a list in the viewer’s scope, by kind' })
export class ShnorListCounts {
  @Field(() => Int) entries!: number;
  @Field(() => Int) eligible!: number;
  @Field(() => Int) review!: number;
  @Field(() => Int) exitCandidates!: number;
  @Field(() => Int) included!: number;
  @Field(() => Int) decided!: number;
  @Field(() => Int, { description: 'Entries that need a decision before approval' }) undecided!: number;
}

@ObjectType('ShnorList', {
  simpleResolvers: true,
  description: 'The annual ШНОР list of a region: a frozen snapshot once approved',
})
export class ShnorListType {
  regionId!: number;

  @Field(() => ID) id!: string;
  @Field(() => Int) year!: number;
  @Field(() => ShnorListStatus) status!: ShnorListStatus;
  @Field(() => MethodologyRef, { description: 'The stored version the snapshot was computed with' })
  methodology!: MethodologyRef;
  @Field(() => Int, { description: 'Data version of the snapshot' }) dataVersion!: number;
  @Field(() => ID, { nullable: true, description: 'The approved list of y − 1 that fed EXIT candidates' })
  previousListId!: string | null;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true }) publishedBy!: string | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
}

@ObjectType('ShnorListDiff', { simpleResolvers: true, description: 'Included schools of two lists, as sets' })
export class ShnorListDiffType {
  @Field(() => ShnorListType) from!: ShnorListType;
  @Field(() => ShnorListType) to!: ShnorListType;
  @Field(() => [ShnorListEntryType], { description: 'Included in `to`, not in `from` (entries of `to`)' })
  entered!: ShnorListEntryType[];
  @Field(() => [ShnorListEntryType], { description: 'Included in `from`, not in `to` (entries of `from`)' })
  exited!: ShnorListEntryType[];
  @Field(() => [ShnorListEntryType], { description: 'Included in both (entries of `to`)' })
  stayed!: ShnorListEntryType[];
  @Field(() => [ShnorListEntryType], {
    description:
      'Of `exited`, those that got support in the year of `from` (a roadmap of their municipality, a curator or a ' +
      'partner; `support` as of the day `to` was made): the EXIT after support (entries of `from`)',
  })
  exitedAfterSupport!: ShnorListEntryType[];
  @Field(() => [ShnorListEntryType], {
    description:
      'Of `stayed`, those that got support in the year of `from`: on the list despite it (entries of `to`)',
  })
  stayedDespiteSupport!: ShnorListEntryType[];
}
