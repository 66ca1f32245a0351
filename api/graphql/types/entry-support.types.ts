import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { MonitoredPartnerType, MonitoredPersonType } from './support/monitoring-school.types.js';

/**
 * «The cycle closed» (issue 13 item 5): the support a school of the approved list of y got, as
 * next year's list shows it. D is the day that later list was made, where its region is.
 */

@ObjectType('EntrySupportDocuments', {
  simpleResolvers: true,
  description:
    'The school’s documents of list year y as of D, as execution monitoring counts them (SUPPORT-V1 §5)',
})
export class EntrySupportDocumentsType {
  @Field(() => Int, { description: 'SUBMITTED or APPROVED' })
  submittedOrApproved!: number;

  @Field(() => Int)
  approved!: number;

  @Field(() => [String], {
    description:
      'CONCEPT, MEDIUM_TERM_PROGRAMME, ANTI_RISK_PROGRAMME:Rk per priority risk of (s, y), FAILING_STUDENTS_PLAN',
  })
  required!: string[];

  @Field(() => [String], { description: 'The required items with no SUBMITTED or APPROVED document' })
  missingRequired!: string[];
}

@ObjectType('EntrySupport', {
  simpleResolvers: true,
  description:
    'The support of the list year y a school of the approved list of y got, up to D (the day the later list was made)',
})
export class EntrySupportType {
  @Field(() => ID, { description: 'The approved list of y the school was on' })
  listId!: string;

  @Field(() => Int, { description: 'y' })
  listYear!: number;

  @Field({ description: 'The window’s first day: 1 September of y' })
  from!: string;

  @Field({ description: 'D: the day the later list was made, where its region is' })
  asOf!: string;

  @Field(() => [ID], { description: 'Its municipality’s roadmaps of y' })
  roadmapIds!: string[];

  @Field(() => Int, { description: 'Activities of those roadmaps' })
  activitiesTotal!: number;

  @Field(() => Int, { description: 'Of them, DONE as of D (SUPPORT-V1 §2)' })
  activitiesDone!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'activitiesDone / activitiesTotal; null without activities',
  })
  roadmapCompletion!: number | null;

  @Field({ description: 'A CURATOR assignment held at some time in [from, D]' })
  curatorAssigned!: boolean;

  @Field(() => [MonitoredPersonType])
  curators!: MonitoredPersonType[];

  @Field({ description: 'A partnership held at some time in [from, D]' })
  partnerAssigned!: boolean;

  @Field(() => [MonitoredPartnerType])
  partners!: MonitoredPartnerType[];

  @Field(() => EntrySupportDocumentsType)
  documents!: EntrySupportDocumentsType;

  @Field({ description: 'A roadmap of its municipality for y, a curator or a partner' })
  supported!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'lowIndex(s, y + 1) − lowIndex(s, y) of the later snapshot; null if either is missing',
  })
  change!: number | null;
}
