import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ActivityReportStatus } from '../../../../schema/enums.js';
import { connectionType } from '../page-info.type.js';

registerEnumType(ActivityReportStatus, {
  name: 'ActivityReportStatus',
  description: 'What a school reports about a roadmap activity',
  valuesConfig: {
    DONE: { description: 'Выполнено' },
    IN_PROGRESS: { description: 'Выполняется' },
    NOT_DONE: { description: 'Не выполнено' },
  },
});

@ObjectType('ActivityReport', {
  simpleResolvers: true,
  description: 'A school’s report on an activity of its municipality’s roadmap (SUPPORT-V1 §1); append-only',
})
export class ActivityReportType {
  @Field(() => ID, { description: 'The report’s seq' })
  id!: string;

  @Field(() => ID, { description: 'The insertion counter: orders the reports of one date' })
  seq!: string;

  @Field(() => ID)
  activityId!: string;

  schoolId!: number;

  @Field()
  schoolCode!: string;

  @Field()
  schoolName!: string;

  @Field(() => GraphQLDate, { description: 'The date of the report' })
  date!: string;

  @Field(() => ActivityReportStatus)
  status!: ActivityReportStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https link' })
  evidenceUrl!: string | null;

  @Field()
  createdAt!: Date;
}

export const ActivityReportConnection = connectionType(ActivityReportType, 'ActivityReport');
