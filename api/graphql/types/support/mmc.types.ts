import { GraphQLDate } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Municipality, Region } from '../place.types.js';

@ObjectType('MmcAttachment', {
  simpleResolvers: true,
  description:
    'A municipality served by a ММЦ from … to (both included; to null: open); one ММЦ per municipality on a date',
})
export class MmcAttachmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => Municipality)
  municipality!: Municipality;

  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'null: open' })
  to!: string | null;
}

@ObjectType('Mmc', {
  simpleResolvers: true,
  description: 'Межмуниципальный методический центр (ММЦ, SUPPORT-V1 §1) of a region, set by the region',
})
export class MmcType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Region)
  region!: Region;

  @Field(() => Municipality, { description: 'The municipality that hosts it' })
  hostMunicipality!: Municipality;

  @Field(() => [MmcAttachmentType], { description: 'The municipalities it serves, every period, by start' })
  attachments!: MmcAttachmentType[];

  @Field()
  createdAt!: Date;
}
