import { type Redis } from 'ioredis';
import { WINDOW_MS, type WindowCounter } from './rate-limit.js';

/**
 * The windows of every API process in one Redis, so N processes behind a load balancer enforce one
 * limit, not N. One script per request, atomic: the first hit of a window starts it (as in memory).
 */
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

export function redisWindows(redis: Redis, prefix: string): WindowCounter {
  return {
    async hit(key) {
      const [count, ttl] = (await redis.eval(HIT, 1, `${prefix}rate:${key}`, WINDOW_MS)) as [number, number];
      return { count, resetInMs: ttl };
    },
  };
}
