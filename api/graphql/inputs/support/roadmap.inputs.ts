import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RoadmapLevel } from '../../../../schema/enums.js';

@InputType({
  description:
    'A roadmap table pasted from a document (SUPPORT-V1 §3), with its owner, list year, approving order and, optionally, its period',
})
export class RoadmapImportInput {
  @Field({
    description:
      'The table as text: lines at LF (CRLF, CR), cells at TAB, the header with «№», «срок», «ответствен»/«исполнител», «наименование»/«мероприят»/«содержание» (and «результат»)',
  })
  text!: string;

  @Field(() => RoadmapLevel)
  level!: RoadmapLevel;

  @Field({ description: 'The owner’s region, e.g. 56' })
  regionCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'MUNICIPALITY and SCHOOL: a municipality of the region, by id or by name',
  })
  municipality?: string | null;

  @Field(() => String, { nullable: true, description: 'SCHOOL: the school’s code (логин ОО)' })
  schoolCode?: string | null;

  @Field(() => Int, { description: 'The year of the ШНОР list the roadmap works on' })
  listYear!: number;

  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'With periodEnd; absent: derived from the explicit deadlines (PERIOD_REQUIRED when there are none)',
  })
  periodStart?: Date | null;

  @Field(() => GraphQLDate, { nullable: true })
  periodEnd?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The approving order’s number as written (e.g. 01-10/142-2), with orderDate',
  })
  orderNumber?: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  orderDate?: Date | null;

  @Field(() => String, { nullable: true, description: 'Who issued the order (default: the owner’s place)' })
  orderIssuer?: string | null;

  @Field(() => String, { nullable: true, description: 'The order’s title (default: a generic one)' })
  orderTitle?: string | null;
}

@InputType({ description: 'Which roadmaps: every given condition must hold' })
export class RoadmapFilter {
  @Field(() => [String], { nullable: true, description: 'Region codes, e.g. ["56"]' })
  regionCodes?: string[];

  @Field(() => [ID], { nullable: true })
  municipalityIds?: string[];

  @Field(() => [String], { nullable: true, description: 'School codes (school roadmaps)' })
  schoolCodes?: string[];

  @Field(() => Int, { nullable: true })
  listYear?: number;
}
