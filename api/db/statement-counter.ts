import { AsyncLocalStorage } from 'node:async_hooks';
import { type EventEmitter } from 'node:events';
import { type RequestBudget } from './request-budget.js';

/** The SQL statements one request has issued: the nested-query test and `extensions.sqlStatements` read it. */
export interface StatementCounter {
  count: number;
}

/** What the database layer knows of the request a statement runs for. */
export interface RequestScope {
  statements: StatementCounter;
  /** Its share of the pool (absent: a CLI, a start-up task — not limited). */
  budget?: RequestBudget;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}

/** Counts every statement knex runs into the counter of the request it runs for. */
export function countStatementsOf(knex: EventEmitter): void {
  knex.on('query', () => {
    const scope = storage.getStore();
    if (scope) scope.statements.count += 1;
  });
}

/** Counts a statement run outside knex's query events (raw pg connections borrowed from its pool). */
export function noteStatement(): void {
  const scope = storage.getStore();
  if (scope) scope.statements.count += 1;
}

/** Runs a request's work so that its statements are counted and share the pool by its budget. */
export function runInRequest<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}
