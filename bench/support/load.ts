import autocannon from 'autocannon';
import { benchHeaders } from './server-process.js';

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** POSTs one GraphQL operation for `seconds` over `connections` connections; latency percentiles from every response. */
export async function loadGraphql(
  url: string,
  query: string,
  connections: number,
  seconds: number,
  headers?: Record<string, string>,
  /** autocannon counts an answer slower than this as an error (its default: 10 s) */
  timeoutSeconds = 10,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const options = {
    url: `${url}/graphql`,
    method: 'POST' as const,
    headers: headers ?? (await benchHeaders()),
    body: JSON.stringify({ query }),
    connections,
    duration: seconds,
    timeout: timeoutSeconds,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
