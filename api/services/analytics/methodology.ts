import { paramsHash } from '../../../analytics/methodology/hash.js';
import { applyOverrides, type MethodologyOverrides } from '../../../analytics/methodology/overrides.js';
import { type MethodologyParams } from '../../../analytics/methodology/params.js';
import { validateParams } from '../../../analytics/methodology/validate.js';
import { findMethodology } from '../../../analytics/sql/methodologies.js';
import { type Queryable } from '../../../analytics/sql/queryable.js';
import { ensureReductions } from '../../../analytics/sql/refresh.js';
import { badUserInput } from '../../errors.js';
import { oncePerRequest } from './request-memo.js';

/** The parameters a request runs with: a stored version, possibly with what-if overrides. */
export interface EffectiveMethodology {
  name: string;
  params: MethodologyParams;
  /** Hash of the effective parameters: every result names it. */
  hash: string;
  overridden: boolean;
}

export function resolveMethodology(
  db: Queryable,
  name: string,
  overrides: MethodologyOverrides | null | undefined,
): Promise<EffectiveMethodology> {
  return oncePerRequest(db, `methodology:${name}:${JSON.stringify(overrides ?? null)}`, () =>
    resolveOnce(db, name, overrides),
  );
}

async function resolveOnce(
  db: Queryable,
  name: string,
  overrides: MethodologyOverrides | null | undefined,
): Promise<EffectiveMethodology> {
  const version = await findMethodology(db, name);
  if (!version)
    throw badUserInput('methodology', `methodology: no version «${name}» (see the methodologies query)`);
  const params = applyOverrides(version.params, overrides);
  const problems = overrides ? validateParams(params) : [];
  if (problems.length > 0) {
    const first = problems[0]!;
    throw badUserInput(
      `overrides.${first.path}`,
      problems.map((p) => `overrides.${p.path}: ${p.message}`).join('; '),
    );
  }
  const effective = {
    name,
    params,
    hash: overrides ? paramsHash(params) : version.hash,
    overridden: Boolean(overrides),
  };
  // A what-if, or a version stored after the last load, may need reductions not built yet: built
  // once per data version (otherwise one cheap check).
  await ensureReductions(db, params);
  return effective;
}
