import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MethodologyRef } from '../analytics/methodology.types.js';
import { Municipality, Region } from '../place.types.js';
import { MonitoredActivityType, MonitoredSchoolType } from './monitoring-school.types.js';

@ObjectType('ActivityCounts', { simpleResolvers: true, description: 'Activities by their status as of D' })
export class ActivityCountsType {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  DONE!: number;

  @Field(() => Int)
  IN_PROGRESS!: number;

  @Field(() => Int)
  PLANNED!: number;

  @Field(() => Int)
  OVERDUE!: number;
}

@ObjectType('MissingReport', {
  simpleResolvers: true,
  description: 'Submission tracking: a listed school has not reported on a due activity',
})
export class MissingReportType {
  @Field(() => MonitoredSchoolType)
  school!: MonitoredSchoolType;

  @Field(() => MonitoredActivityType)
  activity!: MonitoredActivityType;
}

@ObjectType('EventKindCount', { simpleResolvers: true })
export class EventKindCountType {
  @Field()
  kind!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Int)
  participants!: number;
}

@ObjectType('MonitoredEvents', { simpleResolvers: true, description: 'Events of the place dated in [W0, D]' })
export class MonitoredEventsType {
  @Field(() => Int)
  count!: number;

  @Field(() => Int, { description: 'Σ participants' })
  participants!: number;

  @Field(() => [EventKindCountType])
  byKind!: EventKindCountType[];

  @Field(() => Int, { description: 'Listed schools reached by at least one event' })
  listedSchoolsReached!: number;
}

@ObjectType('MonitoringCounts', { simpleResolvers: true })
export class MonitoringCountsType {
  @Field(() => Int)
  listedSchools!: number;

  @Field(() => Int, { description: 'With a curator on D' })
  withCurator!: number;

  @Field(() => Int, { description: 'With a partner on D' })
  withPartner!: number;
}

@ObjectType('MonitoringSupportRef', {
  simpleResolvers: true,
  description: 'The support version and its §5 parameters',
})
export class MonitoringSupportRefType {
  @Field()
  name!: string;

  @Field(() => GraphQLJSON)
  params!: unknown;
}

@ObjectType('ExecutionMonitoring', {
  simpleResolvers: true,
  description:
    'SUPPORT-V1 §5: the roadmaps of a region or municipality for a list year as of a date, the listed schools’ reports, documents, curators, partners, diagnostics and lowIndex, the events, and the submission tracking',
})
export class ExecutionMonitoringType {
  @Field(() => Int)
  year!: number;

  @Field({ description: 'D: the date asked for, or today where the place is' })
  asOf!: string;

  @Field(() => Region)
  region!: Region;

  @Field(() => Municipality, { nullable: true, description: 'null: the whole region is monitored' })
  municipality!: Municipality | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The approved list of the year; null: none yet (no listed schools)',
  })
  listId!: string | null;

  @Field(() => String, { nullable: true, description: 'W0: the earliest period start of the roadmaps' })
  periodStart!: string | null;

  @Field(() => [ID])
  roadmapIds!: string[];

  @Field(() => ActivityCountsType)
  activities!: ActivityCountsType;

  @Field(() => [MonitoredActivityType], { description: 'Every activity of the roadmaps with its status' })
  activityStatuses!: MonitoredActivityType[];

  @Field(() => [MonitoredSchoolType], {
    description: 'The schools of the approved list within the place, by code',
  })
  schools!: MonitoredSchoolType[];

  @Field(() => [MissingReportType], {
    description: 'Every (school, due activity) without a report dated ≤ D',
  })
  submissionTracking!: MissingReportType[];

  @Field(() => MonitoredEventsType)
  events!: MonitoredEventsType;

  @Field(() => MonitoringCountsType)
  counts!: MonitoringCountsType;

  @Field(() => MonitoringSupportRefType)
  support!: MonitoringSupportRefType;

  @Field(() => MethodologyRef, { nullable: true, description: 'The methodology of the list’s lowIndex' })
  methodology!: MethodologyRef | null;
}
