import { GraphQLDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DiagnosticStage, DiagnosticSubject } from '../../../../schema/enums.js';
import { connectionType } from '../page-info.type.js';

registerEnumType(DiagnosticSubject, {
  name: 'DiagnosticSubject',
  description: 'The subject of a school’s own diagnostic',
  valuesConfig: {
    RU: { description: 'Русский язык' },
    MA: { description: 'Математика' },
  },
});

registerEnumType(DiagnosticStage, {
  name: 'DiagnosticStage',
  description: 'Which monitoring of the school year',
  valuesConfig: {
    ENTRANCE: { description: 'Входной мониторинг' },
    INTERMEDIATE: { description: 'Промежуточный мониторинг' },
    FINAL: { description: 'Итоговый мониторинг' },
  },
});

@ObjectType('Diagnostic', {
  simpleResolvers: true,
  description:
    'A school’s own diagnostic of one grade and subject on a date: counts of marks only (SUPPORT-V1 §1)',
})
export class DiagnosticType {
  @Field(() => ID)
  id!: string;

  schoolId!: number;

  @Field()
  schoolCode!: string;

  @Field()
  schoolName!: string;

  @Field(() => Int)
  grade!: number;

  @Field(() => DiagnosticSubject)
  subject!: DiagnosticSubject;

  @Field(() => DiagnosticStage)
  stage!: DiagnosticStage;

  @Field(() => GraphQLDate)
  date!: string;

  @Field(() => Int, { description: 'N: the students who wrote it' })
  n!: number;

  @Field(() => Int)
  n2!: number;

  @Field(() => Int)
  n3!: number;

  @Field(() => Int)
  n4!: number;

  @Field(() => Int)
  n5!: number;

  @Field(() => Float, { nullable: true, description: 'n2 / N, rounded to 12 decimals (METHODOLOGY-V1 §7)' })
  share2!: number | null;

  @Field()
  createdAt!: Date;
}

export const DiagnosticConnection = connectionType(DiagnosticType, 'Diagnostic');
