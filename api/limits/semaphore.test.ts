import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.js';

describe('Semaphore', () => {
  it('grants up to its size, queues the rest in order, and hands a released slot to the next', async () => {
    const s = new Semaphore(2);
    await s.acquire();
    await s.acquire();
    const order: number[] = [];
    const third = s.acquire().then(() => order.push(3));
    const fourth = s.acquire().then(() => order.push(4));
    expect(s.inUse).toBe(2);
    s.release();
    await third;
    s.release();
    await fourth;
    expect(order).toEqual([3, 4]);
    expect(s.inUse).toBe(2);
  });

  it('drops a waiter whose signal aborts, so its slot is never taken', async () => {
    const s = new Semaphore(1);
    await s.acquire();
    const controller = new AbortController();
    const waiting = s.acquire(controller.signal);
    controller.abort(new Error('request ended'));
    await expect(waiting).rejects.toThrow('request ended');
    s.release();
    expect(s.inUse).toBe(0);
  });

  it('is unbounded at size 0', async () => {
    const s = new Semaphore(0);
    await Promise.all(Array.from({ length: 100 }, () => s.acquire()));
    expect(s.inUse).toBe(100);
  });
});
