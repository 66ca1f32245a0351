import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ActivityReportStatus } from '../../../../schema/enums.js';
import { PlaceFilter } from '../place-filter.input.js';

@InputType({ description: 'Which activity reports: the places of PlaceFilter and activities' })
export class ActivityReportFilter extends PlaceFilter {
  @Field(() => [ID], { nullable: true })
  activityIds?: string[];
}

@InputType({ description: 'A school’s report on an activity of its municipality’s roadmap' })
export class ActivityReportInput {
  @Field({ description: 'The reporting school (its code)' })
  schoolCode!: string;

  @Field(() => GraphQLDate, { description: 'Not after today where the school is' })
  date!: Date;

  @Field(() => ActivityReportStatus)
  status!: ActivityReportStatus;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => String, { nullable: true, description: 'An http or https link' })
  evidenceUrl?: string;
}
