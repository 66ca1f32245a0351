import { type GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { pageSize } from '../../pagination.js';
import { giaStatistics, vprStatistics } from '../../services/statistics-views.js';
import { GiaExam, StatisticsDimension } from '../enums.js';
import { ResultFilter } from '../inputs/result-filter.input.js';
import { connectionRowFields } from '../selection.js';
import { checkEach, checkSubject, checkVprGrade, checkYear, type ResultKind } from '../inputs/validate.js';
import { GiaStatisticsConnection, VprStatisticsConnection } from '../types/statistics.types.js';

function checkFilter(kind: ResultKind, filter: ResultFilter | undefined): void {
  if (kind !== 'VPR' && filter?.grades) {
    throw badUserInput(
      'filter.grades',
      'filter.grades: ОГЭ is written in grade 9 and ЕГЭ in grade 11; grades apply to ВПР only',
    );
  }
  checkEach('filter.years', filter?.years, checkYear);
  checkEach('filter.grades', filter?.grades, checkVprGrade);
  checkEach('filter.subjects', filter?.subjects, (arg, s) => checkSubject(arg, kind, s));
}

@Resolver()
export class StatisticsResolver {
  @Query(() => VprStatisticsConnection, {
    description: '«Статистика по отметкам» of ВПР for any slice: counts summed and shares pooled per group',
  })
  vprStatistics(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('groupBy', () => [StatisticsDimension], {
      defaultValue: [],
      description: 'Any combination; none = one total row',
    })
    groupBy: StatisticsDimension[],
    @Arg('filter', () => ResultFilter, { nullable: true }) filter?: ResultFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    checkFilter('VPR', filter);
    const size = pageSize(first, ctx.config.maxPageSize, ctx.config.maxPageSize);
    const publicMinSchools = ctx.config.publicData.minSchools;
    const schoolCount = connectionRowFields(info).has('schoolCount');
    return vprStatistics(ctx.db, ctx.viewer, {
      filter,
      groupBy,
      first: size,
      after,
      publicMinSchools,
      schoolCount,
    });
  }

  @Query(() => GiaStatisticsConnection, {
    description: 'ОГЭ or ЕГЭ statistics for any slice, pooled per group',
  })
  giaStatistics(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('exam', () => GiaExam) exam: GiaExam,
    @Arg('groupBy', () => [StatisticsDimension], { defaultValue: [] }) groupBy: StatisticsDimension[],
    @Arg('filter', () => ResultFilter, { nullable: true }) filter?: ResultFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    checkFilter(exam, filter);
    const size = pageSize(first, ctx.config.maxPageSize, ctx.config.maxPageSize);
    const publicMinSchools = ctx.config.publicData.minSchools;
    return giaStatistics(ctx.db, ctx.viewer, exam, {
      filter,
      groupBy,
      first: size,
      after,
      publicMinSchools,
      schoolCount: connectionRowFields(info).has('schoolCount'),
    });
  }
}
