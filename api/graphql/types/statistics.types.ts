import { type ClassType, Field, Float, Int, ObjectType } from 'type-graphql';
import { Subject } from '../enums.js';
import { MarkStatistics } from './mark-statistics.type.js';
import { PageInfo } from './page-info.type.js';
import { Municipality, Region } from './place.types.js';
import { School } from './school.type.js';

/** Adds the group a statistics row describes: only the dimensions of groupBy are set. */
function withGroupKey<B extends ClassType>(Base: B, name: string) {
  @ObjectType(`${name}GroupKey`, { simpleResolvers: true })
  class GroupKey extends Base {
    @Field(() => Region, { nullable: true })
    region!: Region | null;

    @Field(() => Municipality, { nullable: true })
    municipality!: Municipality | null;

    @Field(() => School, { nullable: true })
    school!: School | null;

    @Field(() => Int, { nullable: true })
    year!: number | null;

    @Field(() => Subject, { nullable: true })
    subject!: Subject | null;

    @Field(() => Int, { description: 'Schools with results in the group' })
    schoolCount!: number;
  }
  return GroupKey;
}

@ObjectType({
  simpleResolvers: true,
  description: '«Статистика по отметкам» of ВПР for one group: counts summed, shares pooled',
})
export class VprStatisticsRow extends withGroupKey(MarkStatistics, 'VprStatistics') {
  @Field(() => Int, { nullable: true })
  grade!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'ОГЭ or ЕГЭ statistics for one group: counts summed, shares pooled',
})
export class GiaStatisticsRow extends withGroupKey(class {}, 'GiaStatistics') {
  @Field(() => Int)
  participants!: number;

  @Field(() => Int, { description: 'ОГЭ: «2» marks; ЕГЭ: below the minimum' })
  failed!: number;

  @Field(() => Float, { nullable: true, description: 'failed / participants' })
  failShare!: number | null;

  @Field(() => Int, { nullable: true, description: 'ОГЭ only' })
  n2!: number | null;

  @Field(() => Int, { nullable: true, description: 'ОГЭ only' })
  n3!: number | null;

  @Field(() => Int, { nullable: true, description: 'ОГЭ only' })
  n4!: number | null;

  @Field(() => Int, { nullable: true, description: 'ОГЭ only' })
  n5!: number | null;

  @Field(() => Float, { nullable: true, description: 'ОГЭ only: (n4 + n5) / participants' })
  quality!: number | null;

  @Field(() => Float, { nullable: true, description: 'ОГЭ only' })
  meanMark!: number | null;

  @Field(() => Float, { nullable: true, description: 'ОГЭ: mean primary score, weighted by participants' })
  meanPrimary!: number | null;

  @Field(() => Float, { nullable: true, description: 'ЕГЭ: mean test score, weighted by participants' })
  meanScore!: number | null;
}

/** A statistics connection: a Relay connection that also says how many groups the public does not see. */
function statisticsConnection<T extends object>(Row: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Row)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Row], { description: 'The nodes of the edges, for clients that need no cursors' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Groups shown, all pages (suppressed groups are not counted)' })
    totalCount!: number;

    @Field(() => Int, {
      description:
        'Groups matching the filter that are not shown: public access hides a group of fewer than ' +
        'PUBLIC_MIN_SCHOOLS schools, and sibling groups with it so it cannot be recovered from a total ' +
        '(README: Security). A missing row is suppressed, not zero. Always 0 for every viewer but the public one',
    })
    suppressedGroups!: number;
  }
  return Connection;
}

export const VprStatisticsConnection = statisticsConnection(VprStatisticsRow, 'VprStatistics');
export const GiaStatisticsConnection = statisticsConnection(GiaStatisticsRow, 'GiaStatistics');
