import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../../context.js';
import {
  bestPractices,
  type BestPracticeRow,
  createBestPractice,
  publishBestPractice,
} from '../../../services/support/best-practices.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { CreateBestPracticeInput } from '../../inputs/support/best-practices.input.js';
import { School } from '../../types/school.type.js';
import { BestPracticeConnection, BestPracticeType } from '../../types/support/best-practices.types.js';

@Resolver(() => BestPracticeType)
export class BestPracticeResolver {
  @Query(() => BestPracticeConnection, {
    description:
      'Published best practices (and the unpublished ones of the viewer’s scope), by id; every role but PUBLIC. ' +
      '`search`: a hit contains every word of it (split at whitespace; lower case, ё = е) in title + text + tags',
  })
  bestPractices(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('riskFactor', () => Int, { nullable: true, description: 'k of Rk (1..10)' }) riskFactor?: number,
  ) {
    return bestPractices(ctx, search, riskFactor, page);
  }

  @Mutation(() => BestPracticeType, {
    description: 'A school’s own best practice, unpublished (`support.schoolWork`)',
  })
  createBestPractice(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateBestPracticeInput) input: CreateBestPracticeInput,
  ) {
    return createBestPractice(ctx, input);
  }

  @Mutation(() => BestPracticeType, {
    description: 'The school publishes its own practice (`support.schoolWork`)',
  })
  publishBestPractice(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return publishBestPractice(ctx, id);
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school, when the viewer’s scope holds it',
  })
  school(@Root() row: BestPracticeRow, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(row.schoolId);
  }
}
