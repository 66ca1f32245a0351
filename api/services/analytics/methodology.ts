import { GraphQLError } from 'graphql';
import { paramsHash } from '../../../analytics/methodology/hash.js';
import { applyOverrides, type MethodologyOverrides } from '../../../analytics/methodology/overrides.js';
import { type MethodologyParams } from '../../../analytics/methodology/params.js';
import { validateParams } from '../../../analytics/methodology/validate.js';
import { markerParamsKey, subjectSetKey } from '../../../analytics/sql/keys.js';
import { findMethodology } from '../../../analytics/sql/methodologies.js';
import { type Queryable } from '../../../db/queryable.js';
import {
  buildReductions,
  missingReductions,
  ReductionsBusyError,
  touchReductions,
} from '../../../analytics/sql/refresh.js';
import { type Viewer } from '../../../db/viewer.js';
import { type Config } from '../../../config/settings.js';
import { authorize } from '../../auth/permissions.js';
import { badUserInput } from '../../errors.js';
import { type RequestMemo } from './request-memo.js';

/** The parameters a request runs with: a stored version, possibly with what-if overrides. */
export interface EffectiveMethodology {
  name: string;
  params: MethodologyParams;
  /** Hash of the effective parameters: every result names it. */
  hash: string;
  overridden: boolean;
}

export type WhatIfLimits = Config['whatIf'];

/** Who asks and the what-if limits of the server: a resolver passes its context. */
export interface MethodologyAccess {
  viewer: Viewer;
  config: { whatIf: WhatIfLimits };
}

function serviceUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
}

/**
 * `access` is required for what-ifs (`analytics.whatIf`); callers that only read stored versions and
 * have authorized the viewer themselves may omit it (then a stored version not built yet is built).
 */
export function resolveMethodology(
  src: { db: Queryable; memo: RequestMemo },
  name: string,
  overrides: MethodologyOverrides | null | undefined,
  access?: MethodologyAccess,
): Promise<EffectiveMethodology> {
  return src.memo.once(`methodology:${name}:${JSON.stringify(overrides ?? null)}`, () =>
    resolveOnce(src.db, name, overrides, access),
  );
}

async function resolveOnce(
  db: Queryable,
  name: string,
  overrides: MethodologyOverrides | null | undefined,
  access: MethodologyAccess | undefined,
): Promise<EffectiveMethodology> {
  // Before anything is read or built: a what-if costs a country-wide build (issue 9).
  if (overrides) {
    if (!access) throw new Error('resolveMethodology: what-if overrides need the viewer (pass the context)');
    authorize(access.viewer, 'analytics.whatIf', { argument: 'overrides' });
  }
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
  const missing = await missingReductions(db, params);
  if (!overrides || !access) {
    // A version stored after the last load: built once, by a viewer who may see its results (an
    // answer computed without its reductions would be wrong, and cached).
    if (missing.length === 0) return effective;
    if (access) authorize(access.viewer, 'analytics.build', { version: name });
    await buildReductions(db, params, { stored: true });
    return effective;
  }
  if (missing.length === 0) await touchReductions(db, params);
  else await buildWhatIf(db, params, access.config.whatIf);
  return effective;
}

/** What-if builds of one server (keyed by its config) running now, each with its parameter set. */
interface Builds {
  running: Map<string, Promise<void>>;
}
const buildsOf = new WeakMap<WhatIfLimits, Builds>();

/**
 * At most `concurrency` what-if builds at a time in this process; one more is refused at once
 * (SERVICE_UNAVAILABLE) instead of waiting for a connection or a lock. A request for a parameter set
 * being built already waits for that build instead of starting another.
 */
function buildWhatIf(db: Queryable, params: MethodologyParams, limits: WhatIfLimits): Promise<void> {
  let builds = buildsOf.get(limits);
  if (!builds) buildsOf.set(limits, (builds = { running: new Map() }));
  const { running } = builds;
  const key = `${subjectSetKey(params)}:${markerParamsKey(params)}`;
  const same = running.get(key);
  if (same) return same;
  if (running.size >= limits.concurrency) {
    return Promise.reject(
      serviceUnavailable(
        `${running.size} what-if computation${running.size === 1 ? ' is' : 's are'} running (at most ` +
          `${limits.concurrency} at a time); retry in a few seconds, or use a stored methodology version`,
      ),
    );
  }
  const build = buildReductions(db, params, { stored: false, timeoutMs: limits.timeoutMs, keep: limits.keep })
    .catch((error: unknown) => {
      if (error instanceof ReductionsBusyError)
        throw serviceUnavailable(
          'An import is refreshing the analytics; retry the what-if once it has finished',
        );
      throw error;
    })
    .finally(() => running.delete(key));
  running.set(key, build);
  return build;
}
