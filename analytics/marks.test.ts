import { describe, expect, it } from 'vitest';
import { markShares } from './marks.js';

describe('markShares', () => {
  it('computes shares, quality, success and mean mark from counts', () => {
    // N = 20: 2×«2», 6×«3», 8×«4», 4×«5»
    const s = markShares({ participants: 20, n2: 2, n3: 6, n4: 8, n5: 4 });
    expect(s.share2).toBe(0.1); // 2/20
    expect(s.share5).toBe(0.2); // 4/20
    expect(s.quality).toBe(0.6); // (8+4)/20
    expect(s.success).toBe(0.9); // (20-2)/20
    expect(s.meanMark).toBe(3.7); // (4+18+32+20)/20 = 74/20
  });

  it('pools: the share of a union is Σ numerators / Σ denominators, not a mean of shares', () => {
    const a = { participants: 10, n2: 5, n3: 5, n4: 0, n5: 0 };
    const b = { participants: 90, n2: 0, n3: 90, n4: 0, n5: 0 };
    const pooled = markShares({
      participants: a.participants + b.participants,
      n2: a.n2 + b.n2,
      n3: a.n3 + b.n3,
      n4: 0,
      n5: 0,
    });
    expect(pooled.share2).toBe(0.05); // 5/100, while the mean of shares would be 0.25
  });

  it('is null on an empty slice', () => {
    expect(markShares({ participants: 0, n2: 0, n3: 0, n4: 0, n5: 0 }).meanMark).toBeNull();
  });
});
