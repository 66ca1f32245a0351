/**
 * Runs an attack and, while it lasts, asks the server a light question every 50 ms: the slowest
 * answer is what a regional analyst would have waited during the attack.
 */
export async function slowestLightAnswerDuring<T>(
  url: string,
  attack: () => Promise<T>,
  headers: Record<string, string> = {},
): Promise<{ slowestMs: number; samples: number; failures: number; result: T }> {
  let done = false;
  let slowestMs = 0;
  let samples = 0;
  let failures = 0;
  const sampler = (async () => {
    // a few samples even when the attack is refused at once
    while (!done || samples < 3) {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || body.errors) failures += 1;
      slowestMs = Math.max(slowestMs, performance.now() - started);
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  let result: T;
  try {
    result = await attack();
  } finally {
    done = true;
    await sampler;
  }
  return { slowestMs, samples, failures, result };
}
