import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DiagnosticStage, DiagnosticSubject } from '../../../../schema/enums.js';
import { type Context } from '../../../context.js';
import {
  diagnostics,
  type DiagnosticRow,
  recordDiagnostic,
} from '../../../services/support/diagnostics.service.js';
import { isoDate } from '../../../services/support/documents-common.js';
import { PageArgs } from '../../inputs/page.args.js';
import { DiagnosticFilter, RecordDiagnosticInput } from '../../inputs/support/diagnostics.input.js';
import { School } from '../../types/school.type.js';
import { DiagnosticConnection, DiagnosticType } from '../../types/support/diagnostics.types.js';

@Resolver(() => DiagnosticType)
export class DiagnosticResolver {
  @Query(() => DiagnosticConnection, { description: 'Schools’ own diagnostics of the viewer’s scope, by id' })
  diagnostics(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DiagnosticFilter, { nullable: true }) filter?: DiagnosticFilter,
    @Arg('stage', () => DiagnosticStage, { nullable: true }) stage?: DiagnosticStage,
    @Arg('subject', () => DiagnosticSubject, { nullable: true }) subject?: DiagnosticSubject,
  ) {
    return diagnostics(ctx, filter, stage, subject, page);
  }

  @Mutation(() => DiagnosticType, {
    description:
      'A diagnostic of a school, by the school or its municipality (`support.diagnostics`): n2 + n3 + n4 + n5 = n, else `BAD_USER_INPUT` on `input.n`; one per (school, grade, subject, stage, date)',
  })
  recordDiagnostic(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordDiagnosticInput) input: RecordDiagnosticInput,
  ) {
    return recordDiagnostic(ctx, { ...input, date: isoDate(input.date) });
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school, when the viewer’s scope holds it',
  })
  school(@Root() row: DiagnosticRow, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(row.schoolId);
  }
}
