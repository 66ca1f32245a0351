import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDiagnosticStage } from '../analytics/diagnostics-dynamics.types.js';
import { Municipality } from '../place.types.js';

/** A listed school's part of the execution monitoring (SUPPORT-V1 §5). */

@ObjectType('MonitoredActivity', {
  simpleResolvers: true,
  description: 'A roadmap activity with its status as of the monitoring date (SUPPORT-V1 §2)',
})
export class MonitoredActivityType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  roadmapId!: string;

  @Field({ description: 'The number as written in the roadmap (`1.`, `23`)' })
  number!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'The due date (§2); null: never overdue' })
  due!: string | null;

  @Field()
  requiresSchoolReport!: boolean;

  @Field({ description: 'DONE, IN_PROGRESS, PLANNED or OVERDUE as of the date' })
  status!: string;
}

@ObjectType('MonitoredReports', {
  simpleResolvers: true,
  description:
    'A school’s reports over the activities of its municipality’s roadmaps that require school reports (SUPPORT-V1 §5)',
})
export class MonitoredReportsType {
  @Field(() => Int, { description: 'Activities that require a report of the school' })
  total!: number;

  @Field(() => Int, { description: 'Of them, past their due date (D > due)' })
  due!: number;

  @Field(() => Int, { description: 'With a report of the school dated ≤ D' })
  submitted!: number;

  @Field(() => Int, { description: 'Whose latest report (by date, then seq) is DONE' })
  done!: number;

  @Field(() => [MonitoredActivityType], {
    description: 'The due activities without a report dated ≤ D: the submission tracking',
  })
  missing!: MonitoredActivityType[];
}

@ObjectType('MonitoredDocuments', {
  simpleResolvers: true,
  description:
    'The school’s documents of the list year as of D: each its last status record dated ≤ D (SUPPORT-V1 §5)',
})
export class MonitoredDocumentsType {
  @Field(() => Int)
  DRAFT!: number;

  @Field(() => Int)
  SUBMITTED!: number;

  @Field(() => Int)
  APPROVED!: number;

  @Field(() => Int)
  RETURNED!: number;

  @Field(() => Int, { description: 'SUBMITTED or APPROVED' })
  submittedOrApproved!: number;

  @Field(() => [String], {
    description:
      'CONCEPT, MEDIUM_TERM_PROGRAMME, ANTI_RISK_PROGRAMME:Rk per priority risk, FAILING_STUDENTS_PLAN',
  })
  required!: string[];

  @Field(() => [String], { description: 'The required items with no SUBMITTED or APPROVED document' })
  missingRequired!: string[];
}

@ObjectType('MonitoredPerson', { simpleResolvers: true, description: 'A curator on the date' })
export class MonitoredPersonType {
  @Field()
  fullName!: string;

  @Field({ description: 'The person key (the `person` claim of a curator’s token)' })
  key!: string;
}

@ObjectType('MonitoredPartner', { simpleResolvers: true, description: 'A partner school on the date' })
export class MonitoredPartnerType {
  @Field()
  code!: string;

  @Field()
  name!: string;
}

@ObjectType('MonitoredDiagnostics', {
  simpleResolvers: true,
  description: 'Local diagnostics of a subject in [W0, D] (SUPPORT-V1 §5): entrance → intermediate',
})
export class MonitoredDiagnosticsType {
  @Field()
  subject!: string;

  @Field(() => [LocalDiagnosticStage], { description: 'The two diagStages, in order' })
  stages!: LocalDiagnosticStage[];

  @Field(() => [Int], { description: 'The grades pooled: present in both stages' })
  grades!: number[];

  @Field(() => [Int], { description: 'Grades with a row in one stage only: left out' })
  unpairedGrades!: number[];

  @Field(() => Float, { nullable: true, description: 'share2(INTERMEDIATE) − share2(ENTRANCE)' })
  change!: number | null;
}

@ObjectType('MonitoredSchool', {
  simpleResolvers: true,
  description: 'A school of the approved list within the place',
})
export class MonitoredSchoolType {
  schoolId!: number;

  @Field({ description: 'Логин ОО' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => MonitoredReportsType)
  reports!: MonitoredReportsType;

  @Field(() => MonitoredDocumentsType)
  documents!: MonitoredDocumentsType;

  @Field()
  curatorAssigned!: boolean;

  @Field(() => [MonitoredPersonType])
  curators!: MonitoredPersonType[];

  @Field()
  partnerAssigned!: boolean;

  @Field(() => [MonitoredPartnerType])
  partners!: MonitoredPartnerType[];

  @Field(() => [MonitoredDiagnosticsType])
  diagnostics!: MonitoredDiagnosticsType[];

  @Field(() => Float, { nullable: true, description: 'lowIndex(s, y)' })
  lowIndex!: number | null;

  @Field(() => Float, { nullable: true, description: 'lowIndex(s, y + 1)' })
  lowIndexNext!: number | null;

  @Field(() => Float, { nullable: true, description: 'lowIndexNext − lowIndex; null if either is missing' })
  lowIndexDelta!: number | null;
}
