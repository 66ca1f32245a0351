import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ActivityRecordStatus, DeadlineKind, RoadmapLevel } from '../../../../schema/enums.js';
import { connectionType } from '../page-info.type.js';

/** SUPPORT-V1 §1–§3: roadmaps, their activities and status records as the API shows them. */

/** The status of an activity as of a date: a recorded one, or OVERDUE (derived, never stored). */
export enum ActivityStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
}

registerEnumType(RoadmapLevel, {
  name: 'RoadmapLevel',
  description: 'Whose roadmap: a region’s, a municipality’s or a school’s',
  valuesConfig: {
    REGION: { description: 'Регион: the region’s own roadmap (no municipality)' },
    MUNICIPALITY: { description: 'Муниципалитет: a municipality’s roadmap (no school)' },
    SCHOOL: { description: 'Школа: a school’s roadmap' },
  },
});
registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description: 'How a deadline text was read (SUPPORT-V1 §2)',
  valuesConfig: {
    WHOLE_PERIOD: { description: '«в течение всего периода», «постоянно», …: the whole period' },
    NO_DUE: { description: '«по отдельному плану», «по мере необходимости», …: no dates, never overdue' },
    PERIOD_YEAR: { description: '«в течение года»: a year from the period’s start, within the period' },
    SCHOOL_YEAR: { description: 'A school year (1 Sep … 31 Aug)' },
    YEAR: { description: 'A calendar year or years' },
    DATE: { description: 'A date, or «до»/«не позднее» a date (from the period’s start)' },
    QUARTER: { description: 'A quarter of a year' },
    MONTHS: { description: 'A month, a range or a list of months' },
    UNPARSED: { description: 'Not read (an import warning): no dates, never overdue' },
  },
});
registerEnumType(ActivityRecordStatus, {
  name: 'ActivityRecordStatus',
  description: 'A recorded status of an activity',
  valuesConfig: {
    PLANNED: { description: 'Запланировано' },
    IN_PROGRESS: { description: 'Выполняется' },
    DONE: { description: 'Выполнено: stays DONE' },
  },
});
registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  description: 'The status of an activity as of a date (SUPPORT-V1 §2 Status as of D)',
  valuesConfig: {
    PLANNED: { description: 'No record, or PLANNED recorded; not past due' },
    IN_PROGRESS: { description: 'IN_PROGRESS recorded; not past due' },
    DONE: { description: 'DONE recorded on or before the date' },
    OVERDUE: { description: 'Not DONE and the date is after the due date (derived, never recorded)' },
  },
});

@ObjectType('RoadmapOrder', {
  simpleResolvers: true,
  description: 'The order (приказ) that approved a roadmap',
})
export class RoadmapOrderType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'As written, e.g. 01-10/142-2' })
  number!: string;

  @Field(() => GraphQLDate)
  date!: string;

  @Field()
  issuer!: string;

  @Field()
  title!: string;
}

@ObjectType('RoadmapActivityRecord', {
  simpleResolvers: true,
  description: 'A status record of an activity: append-only; `seq` orders the records of one date',
})
export class RoadmapActivityRecordType {
  @Field(() => GraphQLDate)
  date!: string;

  @Field(() => Int, { description: 'The insertion counter' })
  seq!: number;

  @Field(() => ActivityRecordStatus)
  status!: ActivityRecordStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https link to the evidence' })
  evidenceUrl!: string | null;
}

@ObjectType('RoadmapActivity', {
  description: 'An activity (мероприятие) of a roadmap, its deadline as written and as read (SUPPORT-V1 §2)',
})
export class RoadmapActivityType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Its place in the table: 1, 2, …' })
  ordinal!: number;

  @Field({ description: 'As written: «1.», «23», «2.1»' })
  number!: string;

  @Field()
  title!: string;

  @Field({ description: 'The deadline cell as written' })
  deadlineText!: string;

  @Field(() => DeadlineKind)
  deadlineKind!: DeadlineKind;

  @Field(() => GraphQLDate, { nullable: true, description: 'Null for NO_DUE and UNPARSED' })
  start!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Null for NO_DUE and UNPARSED (never overdue)' })
  due!: string | null;

  @Field({ description: 'The executors cell as written' })
  executorsText!: string;

  @Field(() => [String], { description: 'The executors, one each (SUPPORT-V1 §3 step 5)' })
  executors!: string[];

  @Field(() => String, { nullable: true })
  expectedResult!: string | null;

  @Field({ description: 'Schools report on it (an executor is the schools, SUPPORT-V1 §3 step 6)' })
  requiresSchoolReport!: boolean;
}

@ObjectType('Roadmap', {
  description:
    'A roadmap (дорожная карта) of a region, a municipality or a school for a list year (SUPPORT-V1 §1)',
})
export class RoadmapType {
  @Field(() => ID)
  id!: string;

  @Field(() => RoadmapLevel)
  level!: RoadmapLevel;

  @Field(() => Int, { description: 'The year of the ШНОР list it works on' })
  listYear!: number;

  @Field(() => GraphQLDate)
  periodStart!: string;

  @Field(() => GraphQLDate)
  periodEnd!: string;
}

export const RoadmapConnection = connectionType(RoadmapType, 'Roadmap');

@ObjectType('RoadmapImportWarning', {
  simpleResolvers: true,
  description:
    'Something the import read but did not like; the roadmap is stored all the same (SUPPORT-V1 §3 step 8)',
})
export class RoadmapImportWarningType {
  @Field({ description: 'UNPARSED_DEADLINE, DUE_OUTSIDE_PERIOD or DUPLICATE_NUMBER' })
  code!: string;

  @Field(() => Int, { description: 'The activity’s ordinal' })
  ordinal!: number;

  @Field({ description: 'The activity’s number as written' })
  number!: string;

  @Field(() => Int, { description: 'The line of the text where the activity starts' })
  line!: number;

  @Field()
  message!: string;
}

@ObjectType('RoadmapImport', { simpleResolvers: true, description: 'What importRoadmap stored' })
export class RoadmapImportType {
  @Field(() => RoadmapType)
  roadmap!: RoadmapType;

  @Field(() => [RoadmapImportWarningType])
  warnings!: RoadmapImportWarningType[];

  @Field({
    description: 'True when it replaced the roadmap of the same owner, list year and approving order',
  })
  replaced!: boolean;

  @Field({
    description: 'True when the period was derived from the explicit deadlines (SUPPORT-V1 §3 step 7)',
  })
  periodDerived!: boolean;
}
