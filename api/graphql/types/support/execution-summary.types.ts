import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PlaceGroupBy } from '../../enums.js';
import { Municipality, Region } from '../place.types.js';
import { ActivityCountsType, MonitoringSupportRefType } from './monitoring.types.js';

@ObjectType('ExecutionSummaryRow', {
  simpleResolvers: true,
  description: 'The figures of `executionMonitoring` of one region or municipality (SUPPORT-V1 §5)',
})
export class ExecutionSummaryRowType {
  regionId!: number;
  municipalityId!: number | null;

  @Field(() => Region)
  region!: Region;

  @Field(() => Municipality, { nullable: true, description: 'null: a row of the whole region' })
  municipality!: Municipality | null;

  @Field({ description: 'D: the date asked for, or today where the place is' })
  asOf!: string;

  @Field(() => ID, { nullable: true, description: 'The approved list of the year; null: none yet' })
  listId!: string | null;

  @Field(() => Int, { description: 'Roadmaps of the place for the list year' })
  roadmaps!: number;

  @Field(() => ActivityCountsType)
  activities!: ActivityCountsType;

  @Field(() => Int, { description: 'Schools of the approved list within the place' })
  listedSchools!: number;

  @Field(() => Int, { description: 'Of them, with a curator on D' })
  withCurator!: number;

  @Field(() => Int, { description: 'Of them, with a partner on D' })
  withPartner!: number;

  @Field(() => Int, { description: 'Σ over the listed schools of the reports past their due date' })
  reportsDue!: number;

  @Field(() => Int, { description: 'Σ over the listed schools of the activities with a report dated ≤ D' })
  reportsSubmitted!: number;

  @Field(() => Int, {
    description: 'Due reports without a report dated ≤ D: the length of the submission tracking',
  })
  reportsMissing!: number;

  @Field(() => Int, { description: 'Listed schools with every required document SUBMITTED or APPROVED' })
  schoolsWithRequiredDocuments!: number;

  @Field(() => Int, { description: 'Events of the place dated in [W0, D]' })
  events!: number;

  @Field(() => Int, { description: 'Σ participants of those events' })
  eventParticipants!: number;

  @Field(() => Int, { description: 'Listed schools reached by at least one of them' })
  listedSchoolsReached!: number;

  @Field(() => Int, { description: 'Listed schools with a lowIndex delta (both years ranked)' })
  lowIndexDeltaSchools!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of lowIndex(s, y + 1) − lowIndex(s, y) over those schools; null: none',
  })
  lowIndexDeltaMean!: number | null;
}

@ObjectType('ExecutionSummary', {
  simpleResolvers: true,
  description: 'Execution monitoring (SUPPORT-V1 §5) of many places side by side, for dashboards',
})
export class ExecutionSummaryType {
  @Field(() => Int)
  year!: number;

  @Field(() => PlaceGroupBy)
  groupBy!: PlaceGroupBy;

  @Field(() => [ExecutionSummaryRowType], {
    description: 'By region code (and municipality name): the places of the viewer’s scope asked for',
  })
  rows!: ExecutionSummaryRowType[];

  @Field(() => MonitoringSupportRefType)
  support!: MonitoringSupportRefType;
}
