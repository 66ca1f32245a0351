import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LOCALITY_NAMES_RU, SCHOOL_TYPE_NAMES_RU } from '../../../schema/enums.js';
import { type Context } from '../../context.js';
import { pageSize } from '../../pagination.js';
import { type SchoolRow } from '../../services/school-query.js';
import { schoolByCode, schoolPage } from '../../services/schools.service.js';
import { SchoolOrder, Subject } from '../enums.js';
import { SchoolFilter } from '../inputs/school-filter.input.js';
import { checkSubject, checkVprGrade, checkVprSubjectGrade, checkYear } from '../inputs/validate.js';
import { Municipality } from '../types/place.types.js';
import { EgeResult, IndicatorValue, OgeResult, VprResult } from '../types/result.types.js';
import { School, SchoolConnection } from '../types/school.type.js';

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => SchoolConnection, {
    description: 'Schools in the viewer’s scope, filtered, one page at a time',
  })
  schools(
    @Ctx() ctx: Context,
    @Arg('filter', () => SchoolFilter, { nullable: true }) filter?: SchoolFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size (default 20, at most MAX_PAGE_SIZE)' })
    first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('orderBy', () => SchoolOrder, { defaultValue: SchoolOrder.CODE })
    orderBy: SchoolOrder = SchoolOrder.CODE,
  ) {
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    return schoolPage(ctx.db, ctx.viewer, { filter, first: size, after, orderBy });
  }

  @Query(() => School, { nullable: true, description: 'One school by its code (login)' })
  school(@Ctx() ctx: Context, @Arg('code', () => String) code: string) {
    return schoolByCode(ctx.db, ctx.viewer, code);
  }

  @FieldResolver(() => String, { description: 'Тип ОО in Russian (СОШ, гимназия, …)' })
  typeName(@Root() school: SchoolRow): string {
    return SCHOOL_TYPE_NAMES_RU[school.type as keyof typeof SCHOOL_TYPE_NAMES_RU];
  }

  @FieldResolver(() => String, { description: 'Местность in Russian (город, село, пгт)' })
  localityName(@Root() school: SchoolRow): string {
    return LOCALITY_NAMES_RU[school.locality as keyof typeof LOCALITY_NAMES_RU];
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() school: SchoolRow, @Ctx() ctx: Context) {
    return ctx.loaders.municipality.load(school.municipalityId);
  }

  @FieldResolver(() => [VprResult], {
    description: 'ВПР results, optionally of one year, grade, subject, or the latest year',
  })
  vprResults(
    @Root() school: SchoolRow,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('grade', () => Int, { nullable: true }) grade?: number,
    @Arg('subject', () => Subject, { nullable: true }) subject?: Subject,
    @Arg('latest', () => Boolean, { nullable: true, description: 'Only the latest year with results' })
    latest?: boolean,
  ) {
    checkYear('year', year);
    checkVprGrade('grade', grade);
    checkSubject('subject', 'VPR', subject);
    checkVprSubjectGrade('subject', subject, grade);
    return ctx.loaders.vprResults({ year, grade, subject, latest }).load(school.id);
  }

  @FieldResolver(() => [OgeResult])
  ogeResults(
    @Root() school: SchoolRow,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('subject', () => Subject, { nullable: true }) subject?: Subject,
    @Arg('latest', () => Boolean, { nullable: true }) latest?: boolean,
  ) {
    checkYear('year', year);
    checkSubject('subject', 'OGE', subject);
    return ctx.loaders.ogeResults({ year, subject, latest }).load(school.id);
  }

  @FieldResolver(() => [EgeResult])
  egeResults(
    @Root() school: SchoolRow,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('subject', () => Subject, { nullable: true }) subject?: Subject,
    @Arg('latest', () => Boolean, { nullable: true }) latest?: boolean,
  ) {
    checkYear('year', year);
    checkSubject('subject', 'EGE', subject);
    return ctx.loaders.egeResults({ year, subject, latest }).load(school.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Survey and context indicators' })
  indicators(
    @Root() school: SchoolRow,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('codes', () => [String], { nullable: true }) codes?: string[],
  ) {
    checkYear('year', year);
    return ctx.loaders.indicators({ year, codes }).load(school.id);
  }
}
