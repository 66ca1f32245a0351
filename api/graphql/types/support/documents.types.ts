import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentStatus, SchoolDocumentKind } from '../../../../schema/enums.js';
import { connectionType } from '../page-info.type.js';
import { MeasureType } from './measures.types.js';

registerEnumType(SchoolDocumentKind, {
  name: 'SchoolDocumentKind',
  description: 'What a school document is (SUPPORT-V1 §1)',
  valuesConfig: {
    CONCEPT: { description: 'Концепция развития школы' },
    MEDIUM_TERM_PROGRAMME: { description: 'Среднесрочная программа развития' },
    ANTI_RISK_PROGRAMME: {
      description: 'Антирисковая программа по одному фактору риска R1..R10 (riskFactor)',
    },
    FAILING_STUDENTS_PLAN: { description: 'План работы с неуспевающими обучающимися' },
    TEACHER_DEVELOPMENT_PLAN: { description: 'План профессионального развития педагогов' },
  },
});

registerEnumType(DocumentStatus, {
  name: 'DocumentStatus',
  description:
    'A school document’s status: DRAFT → SUBMITTED → APPROVED | RETURNED → SUBMITTED (SUPPORT-V1 §1)',
  valuesConfig: {
    DRAFT: { description: 'Черновик: written by the school, not yet submitted' },
    SUBMITTED: { description: 'Представлен: waiting for the curator or the municipality' },
    APPROVED: { description: 'Согласован by the curator, the municipality or the ministry' },
    RETURNED: { description: 'Возвращён на доработку, with a comment; the school submits it again' },
  },
});

@ObjectType('DocumentStatusRecord', {
  simpleResolvers: true,
  description: 'One status record of a school document; append-only, `seq` orders the records of one date',
})
export class DocumentStatusRecordType {
  @Field(() => ID, { description: 'The insertion counter' })
  seq!: string;

  @Field(() => GraphQLDate, { description: 'Where the school is' })
  date!: string;

  @Field(() => DocumentStatus)
  status!: DocumentStatus;

  @Field(() => String, { nullable: true, description: 'Required for RETURNED' })
  comment!: string | null;

  @Field({ description: 'Who made the record (the viewer’s id)' })
  actor!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType('SchoolDocument', {
  simpleResolvers: true,
  description: 'A school’s document of a list year (SUPPORT-V1 §1), with its status records and measures',
})
export class SchoolDocumentType {
  @Field(() => ID)
  id!: string;

  schoolId!: number;

  @Field({ description: 'The school’s code (логин ОО)' })
  schoolCode!: string;

  @Field()
  schoolName!: string;

  @Field(() => Int)
  listYear!: number;

  @Field(() => SchoolDocumentKind)
  kind!: SchoolDocumentKind;

  @Field(() => Int, { nullable: true, description: 'k of Rk, for an ANTI_RISK_PROGRAMME only' })
  riskFactor!: number | null;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  fileUrl!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => DocumentStatus, {
    description: 'The status of the last record (latest date, then highest seq)',
  })
  status!: DocumentStatus;

  @Field(() => GraphQLDate, { description: 'The date of the last record' })
  statusDate!: string;

  @Field(() => [DocumentStatusRecordType], { description: 'Every status record, oldest first' })
  records!: DocumentStatusRecordType[];

  @Field(() => [MeasureType], { description: 'The measures of this programme or plan, in the order written' })
  measures!: MeasureType[];
}

export const SchoolDocumentConnection = connectionType(SchoolDocumentType, 'SchoolDocument');
