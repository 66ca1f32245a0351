import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../api/auth/tokens.js';
import { type RunningServer } from '../../api/server.js';
import { startTestServer } from '../support/server.js';

/**
 * Issue 14 item 7: with REDIS_URL several API processes keep one rate limit — here two servers on
 * the machine's Redis (127.0.0.1:6379; the file skips, saying so, where none answers). Each run
 * writes under a key prefix of its own.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'redis-shared-secret-of-at-least-32-bytes!';
const PREFIX = `shnor-test-${randomUUID()}:`;
const LIMIT = 6;

async function redisAnswers(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
const available = await redisAnswers();
if (!available) console.warn(`redis-shared: no Redis at ${REDIS_URL}; these tests are skipped`);

const env = (redisUrl: string) => ({
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: PREFIX,
  RATE_LIMIT_PER_MINUTE: String(LIMIT),
  AUTH_DEV_MODE: '0',
  AUTH_JWT_SECRET: SECRET,
});
const ask = (server: RunningServer, token: string) =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ regions { totalCount } }' }),
  });

describe.skipIf(!available)('REDIS_URL: one rate limit for several processes', () => {
  let a: RunningServer;
  let b: RunningServer;
  let redis: Redis;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer(env(REDIS_URL)), startTestServer(env(REDIS_URL))]);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('counts a caller across both servers: the request past the limit is refused by either', async () => {
    const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'shared-caller' });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i += 1) statuses.push((await ask(i % 2 ? b : a, token)).status);
    expect(statuses).toEqual(Array<number>(LIMIT).fill(200));
    const refusedByA = await ask(a, token);
    const refusedByB = await ask(b, token);
    expect([refusedByA.status, refusedByB.status]).toEqual([429, 429]);
    expect(Number(refusedByB.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await redis.get(`${PREFIX}rate:sub:MINISTRY:shared-caller`)).toBe(String(LIMIT + 2));
    // another caller has a window of its own, and both servers still answer it
    const other = await mintToken(SECRET, { role: 'MINISTRY', sub: 'other-caller' });
    expect((await ask(b, other)).status).toBe(200);
  });

  it('respelt Authorization headers of one token share its one window in Redis', async () => {
    const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'respelling-caller' });
    const spellings = [`Bearer ${token}`, `bearer ${token}`, `BEARER  ${token}`, `Bearer\t${token}`];
    for (let i = 0; i < LIMIT; i += 1) {
      await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: spellings[i % spellings.length] as string,
        },
        body: JSON.stringify({ query: '{ regions { totalCount } }' }),
      });
    }
    expect((await ask(b, token)).status).toBe(429);
    expect(await redis.keys(`${PREFIX}rate:sub:MINISTRY:respelling-caller*`)).toHaveLength(1);
  });

  it('garbage Authorization headers are counted by the address: one key, whatever they say', async () => {
    const before = await redis.keys(`${PREFIX}rate:address:*`);
    for (let i = 0; i < 12; i += 1) await ask(i % 2 ? b : a, `garbage-${i}-${randomUUID()}`);
    const keys = await redis.keys(`${PREFIX}rate:*`);
    expect(keys.filter((k) => k.includes('garbage'))).toEqual([]);
    const addresses = await redis.keys(`${PREFIX}rate:address:*`);
    expect(addresses.length - before.length).toBeLessThanOrEqual(1);
    expect(Number(await redis.get(addresses[0] as string))).toBeGreaterThanOrEqual(LIMIT);
  });
});

describe('REDIS_URL that does not answer', () => {
  it('counts in the process alone and keeps answering', async () => {
    const server = await startTestServer(env('redis://127.0.0.1:1'));
    try {
      const token = await mintToken(SECRET, { role: 'MINISTRY', sub: 'alone' });
      const started = performance.now();
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i += 1) statuses.push((await ask(server, token)).status);
      expect(statuses).toEqual([...Array<number>(LIMIT).fill(200), 429]);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });
});
