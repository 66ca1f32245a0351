import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { applyOverrides } from '../../../analytics/methodology/overrides.js';
import { validateParams } from '../../../analytics/methodology/validate.js';
import {
  DEFAULT_METHODOLOGY,
  findMethodology,
  listMethodologies,
} from '../../../analytics/sql/methodologies.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { storeMethodologyVersion } from '../../services/methodology-versions.service.js';
import { MethodologyOverridesInput } from '../inputs/methodology-overrides.input.js';
import { MethodologyVersionType } from '../types/analytics/methodology.types.js';

const NAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

@Resolver(() => MethodologyVersionType)
export class MethodologyResolver {
  @Query(() => [MethodologyVersionType], { description: 'Stored methodology versions, oldest first' })
  methodologies(@Ctx() ctx: Context) {
    return listMethodologies(ctx.db);
  }

  @Query(() => MethodologyVersionType, { nullable: true })
  methodology(@Ctx() ctx: Context, @Arg('name', () => String) name: string) {
    return findMethodology(ctx.db, name);
  }

  @Mutation(() => MethodologyVersionType, {
    description: 'Stores a new version: a stored one with changes. Versions never change once stored.',
  })
  async createMethodologyVersion(
    @Ctx() ctx: Context,
    @Arg('name', () => String, { description: 'Lower-case letters, digits, . _ -; e.g. region-56-2026' })
    name: string,
    @Arg('changes', () => MethodologyOverridesInput) changes: MethodologyOverridesInput,
    @Arg('basedOn', () => String, { defaultValue: DEFAULT_METHODOLOGY })
    basedOn: string = DEFAULT_METHODOLOGY,
    @Arg('description', () => String, { defaultValue: '' }) description: string = '',
  ) {
    authorize(ctx.viewer, 'methodology.store');
    if (!NAME.test(name)) throw badUserInput('name', `name: «${name}» must match ${NAME.source}`);
    const base = await findMethodology(ctx.db, basedOn);
    if (!base) throw badUserInput('basedOn', `basedOn: no version «${basedOn}»`);
    if (await findMethodology(ctx.db, name))
      throw badUserInput('name', `name: version «${name}» already exists`);
    const params = applyOverrides(base.params, changes);
    const problems = validateParams(params);
    if (problems.length > 0) {
      throw badUserInput(
        `changes.${problems[0]!.path}`,
        problems.map((p) => `changes.${p.path}: ${p.message}`).join('; '),
      );
    }
    // The version and its audit entry are written together or not at all (one flush of ctx.em).
    return storeMethodologyVersion(ctx.em, ctx.viewer, { name, description, basedOn, params }, changes);
  }
}
