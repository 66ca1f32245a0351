import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DiagnosticStage, DiagnosticSubject } from '../../../../schema/enums.js';
import { School } from '../school.type.js';
// registers DiagnosticStage and DiagnosticSubject
import '../support/diagnostics.types.js';
import { SupportRef } from '../support/partner-suggestions.types.js';
import { DynamicsPoint } from './dynamics.types.js';
import { MethodologyRef } from './methodology.types.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'One stage of a school year’s local diagnostics pooled over the grades written in both stages (SUPPORT-V1 §5)',
})
export class LocalDiagnosticStage {
  @Field(() => DiagnosticStage)
  stage!: DiagnosticStage;

  @Field(() => Float, { nullable: true, description: 'Σn2 / ΣN; null when ΣN < minDiagN (support-v1: 10)' })
  share2!: number | null;

  @Field(() => Int, { description: 'ΣN over the pooled grades (given even when share2 is null)' })
  n!: number;

  @Field(() => Int, { description: 'Σn2 over the pooled grades' })
  n2!: number;

  @Field(() => [Int], { description: 'The grades pooled: the latest row of each in this stage' })
  grades!: number[];

  @Field(() => GraphQLDate, { nullable: true, description: 'The earliest date of the rows pooled' })
  firstDate!: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'The latest date of the rows pooled' })
  lastDate!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'ВПР year A of a school beside the local diagnostics of the school year A/A+1 that follows it (the year of support of list year A)',
})
export class LocalDiagnosticYear {
  @Field(() => Int, { description: 'The ВПР year and list year A' })
  year!: number;

  @Field(() => DynamicsPoint, {
    description:
      'ВПР share of «2» of the subject in A: the point of dynamics(entity: SCHOOL, indicator: SHARE2, subject)',
  })
  vpr!: DynamicsPoint;

  @Field(() => GraphQLDate, { description: '1 September A' })
  schoolYearStart!: string;

  @Field(() => GraphQLDate, { description: '31 August A + 1' })
  schoolYearEnd!: string;

  @Field(() => [LocalDiagnosticStage], {
    description: 'The two diagStages (support-v1: ENTRANCE, INTERMEDIATE), in that order',
  })
  stages!: LocalDiagnosticStage[];

  @Field(() => [Int], { description: 'The grades with a row in both stages: the ones pooled' })
  grades!: number[];

  @Field(() => [Int], { description: 'Grades with a row in one of the two stages only: left out' })
  unpairedGrades!: number[];

  @Field(() => Float, {
    nullable: true,
    description: 'share2(INTERMEDIATE) − share2(ENTRANCE); null unless both are defined',
  })
  change!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'One subject of a school’s ВПР and local diagnostics by year',
})
export class SubjectDiagnosticsDynamics {
  @Field(() => DiagnosticSubject)
  subject!: DiagnosticSubject;

  @Field(() => [LocalDiagnosticYear], { description: 'In year order' })
  years!: LocalDiagnosticYear[];
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A school’s ВПР share of «2» per year beside its local diagnostics (входной / промежуточный мониторинг)',
})
export class SchoolDiagnosticsDynamics {
  @Field(() => School)
  school!: School;

  @Field(() => MethodologyRef, { description: 'The methodology of the ВПР series' })
  methodology!: MethodologyRef;

  @Field(() => SupportRef, { description: 'The support rules of the pooling (diagStages, minDiagN)' })
  support!: SupportRef;

  @Field(() => [SubjectDiagnosticsDynamics])
  subjects!: SubjectDiagnosticsDynamics[];
}
