import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type pg from 'pg';
import { fromPgClient } from '../../analytics/sql/queryable.js';
import { refreshAfterWrite } from '../../analytics/sql/refresh.js';
import { mintToken } from '../../api/auth/tokens.js';
import { type GraphQLResponse } from './graphql-client.js';

/** Helpers of the list-workflow tests: requests as a role, and changing a school's results as a load would. */

export type Ask = <T, V>(
  document: TypedDocumentNode<T, V> | string,
  variables?: V,
) => Promise<GraphQLResponse<T>>;

/** A client sending the token minted with `claims` (HS256 with `secret`). */
export async function clientAs(url: string, secret: string, claims: Record<string, unknown>): Promise<Ask> {
  const token = await mintToken(secret, claims);
  return async (document, variables) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
}

/** The error code and argument of a refused request (undefined when it succeeded). */
export function refusal(response: GraphQLResponse<unknown>) {
  const extensions = response.errors?.[0]?.extensions;
  return { code: extensions?.code, argument: extensions?.argument };
}

/** Runs `change` and rebuilds the reductions as an import would, in one transaction. */
async function changeResults(
  pool: pg.Pool,
  change: (client: pg.PoolClient) => Promise<unknown>,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await change(client);
    await refreshAfterWrite(fromPgClient(client));
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

const OF_SCHOOL = `school_id = (select id from school where code = $1) and year = any($2::int[])`;

/**
 * Gives a school's core ВПР rows of `years` a journal comparison with 30 % of marks raised, so each
 * carries a JOURNAL_MISMATCH marker (METHODOLOGY-V1 §3): a low school becomes REVIEW.
 */
export function markSchool(pool: pg.Pool, schoolCode: string, years: readonly number[]): Promise<void> {
  return changeResults(pool, (client) =>
    client.query(
      `update vpr_result set lowered = 0, raised = ceil(participants * 0.3)::int,
         confirmed = participants - ceil(participants * 0.3)::int
       where ${OF_SCHOOL} and grade between 4 and 8 and subject in ('RU', 'MA') and participants >= 10`,
      [schoolCode, years],
    ),
  );
}

/**
 * Makes a school's results of `years` flawless (no «2» in ВПР and ОГЭ, nobody below the ЕГЭ
 * minimum) and rebuilds the reductions as an import would, in one transaction.
 */
export function improveSchool(pool: pg.Pool, schoolCode: string, years: readonly number[]): Promise<void> {
  return changeResults(pool, async (client) => {
    await client.query(`update vpr_result set n3 = n3 + n2, n2 = 0 where ${OF_SCHOOL}`, [schoolCode, years]);
    await client.query(`update oge_result set n3 = n3 + n2, n2 = 0 where ${OF_SCHOOL}`, [schoolCode, years]);
    await client.query(`update ege_result set below_min = 0 where ${OF_SCHOOL}`, [schoolCode, years]);
  });
}
