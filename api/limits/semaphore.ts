/** A counting semaphore whose waiters can give up (their request ended) without leaking a slot. */
export class Semaphore {
  private active = 0;
  private readonly waiting: { grant: () => void; signal?: AbortSignal }[] = [];

  constructor(private readonly size: number) {}

  get inUse(): number {
    return this.active;
  }

  /** Resolves when a slot is free; rejects with the signal's reason if it aborts first. 0 = unbounded. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.size <= 0 || this.active < this.size) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = { grant: () => resolve(), signal };
      const onAbort = () => {
        const at = this.waiting.indexOf(waiter);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal?.reason);
      };
      waiter.grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.active = Math.max(0, this.active - 1);
  }
}
