import { AsyncLocalStorage } from 'node:async_hooks';
import { type EventEmitter } from 'node:events';

/** The SQL statements one request has issued: the nested-query test and `extensions.sqlStatements` read it. */
export interface StatementCounter {
  count: number;
}

const storage = new AsyncLocalStorage<StatementCounter>();

/** Counts every statement knex runs into the counter of the request it runs for. */
export function countStatementsOf(knex: EventEmitter): void {
  knex.on('query', () => {
    const counter = storage.getStore();
    if (counter) counter.count += 1;
  });
}

/** Counts a statement run outside knex's query events (raw pg connections borrowed from its pool). */
export function noteStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.count += 1;
}

/**
 * Runs a request's work so that its statements are counted. Only when reported: async context
 * tracking costs ≈ 20 % of the throughput of a light query here (bench/RESULTS.md).
 */
export function runCounted<T>(counter: StatementCounter, fn: () => T): T {
  return storage.run(counter, fn);
}
