import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { startTestServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('HTTP endpoints', () => {
  it('/healthz answers while the process lives', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports the database reachable', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: true });
  });

  it('refuses batched requests (an array of operations)', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ regions { totalCount } }' },
        { query: '{ regions { totalCount } }' },
      ]),
    });
    expect(response.status).toBe(400);
  });

  it('serves GraphQL over GET for tools that use it', async () => {
    const response = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ regions(first: 1) { totalCount } }')}`,
      {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      },
    );
    const body = (await response.json()) as { data: { regions: { totalCount: number } } };
    expect(body.data.regions.totalCount).toBeGreaterThan(0);
  });
});
