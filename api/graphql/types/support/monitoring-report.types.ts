import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { OrderReference } from './orders.types.js';

@ObjectType('MonitoringReportText', {
  simpleResolvers: true,
  description:
    'What a place keeps with its end-of-year monitoring report (seed 003): the conclusions and recommendations as written, and its order; the figures are computed, never stored',
})
export class MonitoringReportTextType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  listYear!: number;

  @Field()
  conclusions!: string;

  @Field()
  recommendations!: string;

  @Field(() => OrderReference, { nullable: true, description: 'The order the report is approved by' })
  order!: OrderReference | null;

  @Field({ description: 'Who saved it last (the viewer id)' })
  updatedBy!: string;

  @Field()
  updatedAt!: Date;
}

@InputType({ description: 'The text of a monitoring report: one of regionCode and municipalityId' })
export class SaveMonitoringReportInput {
  @Field(() => Int)
  year!: number;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A stored order of the place or of its region' })
  orderId?: string | null;

  @Field({ description: 'Выводы (up to 20 000 characters)' })
  conclusions!: string;

  @Field({ description: 'Рекомендации (up to 20 000 characters)' })
  recommendations!: string;
}
