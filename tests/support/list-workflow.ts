import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type pg from 'pg';
import { type ImportKind } from '../../ingest/formats/types.js';
import { importBytes } from './import.js';
import { fromPgClient } from '../../db/queryable.js';
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
 * minimum) the way the ministry would: corrected files of the school's rows, re-imported through
 * the import pipeline (which rebuilds the reductions in its transaction).
 */
export async function improveSchool(
  pool: pg.Pool,
  url: string,
  schoolCode: string,
  years: readonly number[],
): Promise<void> {
  const csv = (
    header: string,
    rows: Record<string, unknown>[],
    line: (r: Record<string, unknown>) => unknown[],
  ) => [header, ...rows.map((r) => line(r).join(';'))].join('\n');
  const vpr = await pool.query(`select * from vpr_result where ${OF_SCHOOL}`, [schoolCode, years]);
  const oge = await pool.query(`select * from oge_result where ${OF_SCHOOL}`, [schoolCode, years]);
  const ege = await pool.query(`select * from ege_result where ${OF_SCHOOL}`, [schoolCode, years]);
  const files: [ImportKind, string][] = [
    [
      'vpr',
      csv('Год;Логин;Класс;Предмет;Кол-во участников;2;3;4;5', vpr.rows, (r) => [
        r.year,
        schoolCode,
        r.grade,
        r.subject,
        r.participants,
        0,
        Number(r.n3) + Number(r.n2),
        r.n4,
        r.n5,
      ]),
    ],
    [
      'oge',
      csv('Год;Логин;Предмет;Кол-во участников;2;3;4;5', oge.rows, (r) => [
        r.year,
        schoolCode,
        r.subject,
        r.participants,
        0,
        Number(r.n3) + Number(r.n2),
        r.n4,
        r.n5,
      ]),
    ],
    [
      'ege',
      csv('Год;Логин;Предмет;Кол-во участников;Не преодолели минимальный порог', ege.rows, (r) => [
        r.year,
        schoolCode,
        r.subject,
        r.participants,
        0,
      ]),
    ],
  ];
  for (const [kind, text] of files) {
    const report = await importBytes(url, kind, text);
    if (report.status !== 'ACCEPTED') throw new Error(`re-import refused: ${JSON.stringify(report.errors)}`);
  }
}
