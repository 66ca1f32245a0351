import type pg from 'pg';
import { Semaphore } from './semaphore.js';

export interface PoolShareSettings {
  size: number;
  perRequest: number;
  perCaller: number;
  reserveForLight: number;
  lightCost: number;
}

/** What a request that ended (timeout, disconnect, shutdown) raises instead of waiting on: QUERY_TIMEOUT. */
export class RequestEnded extends Error {
  // SQLSTATE query_canceled, as PostgreSQL raises for a cancelled statement: one mapping to QUERY_TIMEOUT.
  readonly code = '57014';
}

/**
 * One request's share of the connection pool: at most `perRequest` statements at a time, at most
 * `perCaller` for all requests of its caller, and — when its estimated cost marks it heavy — only
 * from the part of the pool not kept for light requests. When it ends, waiting statements give up
 * and running ones are cancelled in PostgreSQL, so nothing runs on after its answer.
 */
export class RequestBudget {
  /** The estimated cost, once the operation is resolved (api/limits/request-checks.plugin.ts). */
  cost: number | undefined;
  private readonly controller = new AbortController();
  private readonly own: Semaphore;
  private readonly running = new Set<pg.Client>();

  constructor(
    private readonly shares: PoolShares,
    readonly caller: string,
  ) {
    this.own = new Semaphore(shares.settings.perRequest);
  }

  get ended(): boolean {
    return this.controller.signal.aborted;
  }

  get heavy(): boolean {
    return this.cost !== undefined && this.cost > this.shares.settings.lightCost;
  }

  /** Waits for this request's, its caller's and (if heavy) the heavy share's slots; returns their release. */
  async admit(): Promise<() => void> {
    const signal = this.controller.signal;
    const held: Semaphore[] = [];
    try {
      for (const s of [
        this.own,
        this.shares.callerSemaphore(this.caller),
        ...(this.heavy ? [this.shares.heavy] : []),
      ]) {
        await s.acquire(signal);
        held.push(s);
      }
    } catch (error) {
      for (const s of held.reverse()) s.release();
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const s of held.reverse()) s.release();
      this.shares.sweep(this.caller);
    };
  }

  track(connection: pg.Client): void {
    this.running.add(connection);
  }

  untrack(connection: pg.Client): void {
    this.running.delete(connection);
  }

  private closed = false;

  /**
   * The request was answered: what it still runs (an audit entry after the last byte) may finish,
   * within its shares as before.
   */
  finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.shares.requestEnded(this.caller);
  }

  /** Ends the request early (timeout, disconnect, shutdown): queued statements fail at once, running ones are cancelled. */
  end(reason: string): void {
    if (this.ended) return;
    this.controller.abort(new RequestEnded(`The request ended (${reason}): its statements were cancelled`));
    for (const connection of this.running) this.shares.cancel(connection);
    this.finish();
  }
}

/** The process-wide shares of the pool: per caller, and the part heavy requests may use. */
export class PoolShares {
  readonly heavy: Semaphore;
  private readonly callers = new Map<string, { semaphore: Semaphore; requests: number }>();

  constructor(
    readonly settings: PoolShareSettings,
    /** Cancels the statement running on a connection (pg_cancel_backend over a connection of its own). */
    readonly cancel: (connection: pg.Client) => void,
  ) {
    this.heavy = new Semaphore(Math.max(1, settings.size - settings.reserveForLight));
  }

  budgetFor(caller: string): RequestBudget {
    this.entry(caller).requests += 1;
    return new RequestBudget(this, caller);
  }

  /** The caller's semaphore; kept (or made again) while it has requests or statements open. */
  callerSemaphore(caller: string): Semaphore {
    return this.entry(caller).semaphore;
  }

  private entry(caller: string): { semaphore: Semaphore; requests: number } {
    let entry = this.callers.get(caller);
    if (!entry) {
      entry = { semaphore: new Semaphore(this.settings.perCaller), requests: 0 };
      this.callers.set(caller, entry);
    }
    return entry;
  }

  requestEnded(caller: string): void {
    const entry = this.callers.get(caller);
    if (entry) entry.requests -= 1;
    this.sweep(caller);
  }

  /** A caller's entry lives while it has requests or statements open: bounded by concurrent callers. */
  sweep(caller: string): void {
    const entry = this.callers.get(caller);
    if (entry && entry.requests <= 0 && entry.semaphore.inUse === 0) this.callers.delete(caller);
  }
}
