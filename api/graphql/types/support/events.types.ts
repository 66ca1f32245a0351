import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventKind, EventLevel } from '../../../../schema/enums.js';
import { Municipality, Region } from '../place.types.js';
import { connectionType } from '../page-info.type.js';
import { SchoolReference } from './partnerships.types.js';

registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'What a support event is (SUPPORT-V1 §1)',
  valuesConfig: {
    SEMINAR: { description: 'Семинар' },
    WEBINAR: { description: 'Вебинар' },
    COURSE: { description: 'Курсы (повышение квалификации)' },
    MEETING: { description: 'Совещание' },
    OPEN_LESSON: { description: 'Открытый урок' },
  },
});
registerEnumType(EventLevel, {
  name: 'EventLevel',
  description: 'The level of a support event',
  valuesConfig: {
    SCHOOL: { description: 'Школьный' },
    MUNICIPALITY: { description: 'Муниципальный' },
    REGION: { description: 'Региональный' },
    FEDERAL: { description: 'Федеральный' },
  },
});

export { EventKind, EventLevel };

@ObjectType('SupportEvent', {
  simpleResolvers: true,
  description:
    'A seminar, webinar, course, meeting or open lesson (SUPPORT-V1 §1), organised by a region, a municipality or a school, ' +
    'and the schools it reached. Read when the organiser or a school it reached is in the viewer’s scope; ' +
    '`schools` lists only the reached schools in the viewer’s scope',
})
export class SupportEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => GraphQLDate)
  date!: string;

  @Field(() => EventLevel)
  level!: EventLevel;

  @Field(() => Region, { description: 'The organiser’s region' })
  region!: Region;

  @Field(() => Municipality, {
    nullable: true,
    description: 'The organiser’s municipality; null: the region organised it',
  })
  municipality!: Municipality | null;

  @Field(() => SchoolReference, {
    nullable: true,
    description: 'The organising school; null: a region or a municipality organised it',
  })
  organiserSchool!: SchoolReference | null;

  @Field()
  title!: string;

  @Field(() => Int, { description: 'Участников' })
  participants!: number;

  @Field(() => [SchoolReference], {
    description:
      'The schools it reached that lie in the viewer’s scope (others are counted in schoolsReached only), by code',
  })
  schools!: SchoolReference[];

  @Field(() => Int, { description: 'How many schools it reached in all' })
  schoolsReached!: number;

  @Field()
  createdAt!: Date;
}

export const SupportEventConnection = connectionType(SupportEventType, 'SupportEvent');
