import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type Context } from '../../../context.js';
import {
  createSchoolDocument,
  moveSchoolDocument,
  schoolDocuments,
  type SchoolDocumentRow,
} from '../../../services/support/documents.service.js';
import { PageArgs } from '../../inputs/page.args.js';
import { CreateSchoolDocumentInput, SchoolDocumentFilter } from '../../inputs/support/documents.input.js';
import { School } from '../../types/school.type.js';
import { SchoolDocumentConnection, SchoolDocumentType } from '../../types/support/documents.types.js';

@Resolver(() => SchoolDocumentType)
export class SchoolDocumentResolver {
  @Query(() => SchoolDocumentConnection, {
    description: 'School documents of the viewer’s scope (SUPPORT-V1 §1), by id; `status` is the last record',
  })
  schoolDocuments(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SchoolDocumentFilter, { nullable: true }) filter?: SchoolDocumentFilter,
  ) {
    return schoolDocuments(ctx, filter, page);
  }

  @Mutation(() => SchoolDocumentType, {
    description: 'A school’s own document, as DRAFT (`support.schoolWork`)',
  })
  createSchoolDocument(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateSchoolDocumentInput) input: CreateSchoolDocumentInput,
  ) {
    return createSchoolDocument(ctx, input);
  }

  @Mutation(() => SchoolDocumentType, {
    description:
      'DRAFT or RETURNED → SUBMITTED, by the school (`support.schoolWork`); any other status is `BAD_USER_INPUT` on `id`',
  })
  submitSchoolDocument(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return moveSchoolDocument(ctx, 'submit', id, null);
  }

  @Mutation(() => SchoolDocumentType, {
    description:
      'SUBMITTED → APPROVED, by the curator assigned to the school today, its municipality or the ministry (`support.review`)',
  })
  approveSchoolDocument(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    return moveSchoolDocument(ctx, 'approve', id, comment);
  }

  @Mutation(() => SchoolDocumentType, {
    description: 'SUBMITTED → RETURNED with a comment, by those who approve (`support.review`)',
  })
  returnSchoolDocument(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { description: 'Why: required, not blank' }) comment: string,
  ) {
    return moveSchoolDocument(ctx, 'return', id, comment);
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school, when the viewer’s scope holds it',
  })
  school(@Root() document: SchoolDocumentRow, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(document.schoolId);
  }
}
