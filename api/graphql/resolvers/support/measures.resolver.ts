import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { type Context } from '../../../context.js';
import { createMeasure } from '../../../services/support/measures.service.js';
import { MeasureInput } from '../../inputs/support/measures.input.js';
import { MeasureType } from '../../types/support/measures.types.js';

@Resolver(() => MeasureType)
export class MeasureResolver {
  @Mutation(() => MeasureType, {
    description:
      'A measure of the school’s own programme or plan (`support.schoolWork`); listed in `SchoolDocument.measures`',
  })
  createMeasure(
    @Ctx() ctx: Context,
    @Arg('programmeId', () => ID, { description: 'The school document (not a CONCEPT)' }) programmeId: string,
    @Arg('input', () => MeasureInput) input: MeasureInput,
  ) {
    return createMeasure(ctx, programmeId, input);
  }
}
