import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'Which rules produced a result: every analytics answer names them',
})
export class MethodologyRef {
  @Field({ description: 'The stored version, e.g. default-v1' })
  name!: string;

  @Field({ description: 'Hash of the effective parameters (version plus overrides)' })
  hash!: string;

  @Field({ description: 'True when what-if overrides were applied' })
  overridden!: boolean;

  @Field(() => GraphQLJSON, { description: 'The effective parameters' })
  params!: unknown;
}

@ObjectType('MethodologyVersion', {
  simpleResolvers: true,
  description:
    'A stored methodology version ([the methodology](/docs/methodology#versions-and-what-if) as data)',
})
export class MethodologyVersionType {
  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  basedOn!: string | null;

  @Field()
  hash!: string;

  @Field(() => GraphQLJSON)
  params!: unknown;

  @Field()
  createdAt!: Date;

  @Field()
  createdBy!: string;
}
