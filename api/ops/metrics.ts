import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What a Prometheus scrape needs to read from the running server without owning it. */
export interface MetricSources {
  pool(): { used: number; free: number; pending: number; size: number };
  cache(): { hits: number; misses: number };
}

/** Operation names are the client's to choose: past this many distinct ones, the rest count as `other`. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_]\w{0,63}$/;

/**
 * The server's Prometheus metrics (GET /metrics). Labels are bounded: a route is one of a fixed set,
 * an operation name one of the first 200 seen, an error code one of the API's own.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: 'shnor_http_requests_total',
    help: 'HTTP requests answered, by route and status class',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });

  readonly operationSeconds = new Histogram({
    name: 'shnor_graphql_operation_duration_seconds',
    help: 'GraphQL request time from arrival to the last byte, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'shnor_errors_total',
    help: 'Errors answered, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly importRows = new Counter({
    name: 'shnor_import_rows_total',
    help: 'Rows of import files, by kind and outcome (imported or refused)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly connectionWait = new Histogram({
    name: 'shnor_db_connection_wait_seconds',
    help: "Time a request's statement waited for a connection: its pool shares, then the pool",
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15],
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    // Event-loop lag, heap, GC, CPU and file descriptors: prom-client's standard Node.js set.
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'shnor_db_pool_connections',
      help: 'Connections of the database pool: in use, idle, waited for, and the pool size',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = sources.pool();
        for (const [state, value] of Object.entries(p)) this.set({ state }, value);
      },
    });
    new Gauge({
      name: 'shnor_analytics_cache_lookups',
      help: 'Analytics cache lookups since start, by result (hit rate = hit / (hit + miss))',
      labelNames: ['result'] as const,
      registers: [this.registry],
      collect() {
        const { hits, misses } = sources.cache();
        this.set({ result: 'hit' }, hits);
        this.set({ result: 'miss' }, misses);
      },
    });
  }

  // prom-client hashes a label set on every call; the children of the few label sets are kept.
  private readonly children = new Map<string, { inc(): void } | { observe(v: number): void }>();

  private child<T extends { inc(): void } | { observe(v: number): void }>(key: string, make: () => T): T {
    let found = this.children.get(key) as T | undefined;
    if (!found) this.children.set(key, (found = make()));
    return found;
  }

  /** One answered request: its route, status class, time and (GraphQL) operation and error codes. */
  answered(
    route: string,
    status: number,
    seconds: number,
    report: { operation?: string; errorCodes: string[] },
  ) {
    const statusClass = `${Math.floor(status / 100)}xx`;
    this.child(`r:${route}:${statusClass}`, () => this.requests.labels(route, statusClass)).inc();
    for (const code of report.errorCodes) this.child(`e:${code}`, () => this.errors.labels(code)).inc();
    if (route !== '/graphql') return;
    const operation = this.operationLabel(report.operation);
    this.child(`o:${operation}`, () => this.operationSeconds.labels(operation)).observe(seconds);
  }

  /** The label of an operation name: its own while few are seen, else `other`; none is `anonymous`. */
  operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }
}
