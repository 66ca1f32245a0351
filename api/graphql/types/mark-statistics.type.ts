import { Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * Mark counts and the shares pooled from them («Статистика по отметкам»). A base class: type-graphql
 * inherits fields only from decorated classes, and an unreferenced type is not emitted.
 */
@ObjectType('MarkStatistics', { simpleResolvers: true })
export class MarkStatistics {
  @Field(() => Int, { description: 'Кол-во участников' })
  participants!: number;

  @Field(() => Int, { description: 'Number of «2» marks' })
  n2!: number;

  @Field(() => Int)
  n3!: number;

  @Field(() => Int)
  n4!: number;

  @Field(() => Int)
  n5!: number;

  @Field(() => Float, { nullable: true, description: 'n2 / participants' })
  share2!: number | null;

  @Field(() => Float, { nullable: true })
  share3!: number | null;

  @Field(() => Float, { nullable: true })
  share4!: number | null;

  @Field(() => Float, { nullable: true })
  share5!: number | null;

  @Field(() => Float, { nullable: true, description: '«Качество знаний»: (n4 + n5) / participants' })
  quality!: number | null;

  @Field(() => Float, { nullable: true, description: '«Успеваемость»: 1 − share2' })
  success!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean mark (2·n2 + 3·n3 + 4·n4 + 5·n5) / participants' })
  meanMark!: number | null;
}
