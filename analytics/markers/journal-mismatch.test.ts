import { describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../methodology/params.js';
import { computeMarkers } from './compute.js';
import { vpr, withMarkers } from './test-fixtures.js';

// all rows 50 × «3»: no other marker can fire, and no region row is needed
const row = (raised: number | null, n3 = 50) => vpr({ n3 }, { raised });

describe('JOURNAL_MISMATCH', () => {
  it('flags raised/N at exactly 0.20: 10/50', () => {
    const ms = computeMarkers([row(10)], [], DEFAULT_V1);
    expect(ms).toEqual([
      expect.objectContaining({ code: 'JOURNAL_MISMATCH', value: 0.2, threshold: 0.2, regionValue: null }),
    ]);
    expect(ms[0]?.detail).toBe('отметку выше журнальной получили 20,0 % участников (10 из 50; ≥ 20 %)');
    expect(ms[0]?.figures).toEqual({ participants: 50, raised: 10 });
  });

  it('does not flag just below: 9/50 = 0.18', () => {
    expect(computeMarkers([row(9)], [], DEFAULT_V1)).toEqual([]);
  });

  it('needs journal counts', () => {
    expect(computeMarkers([row(null)], [], DEFAULT_V1)).toEqual([]);
  });

  it('ignores N = 9 even when all were raised, judges N = 10', () => {
    expect(computeMarkers([row(9, 9)], [], DEFAULT_V1)).toEqual([]);
    expect(computeMarkers([row(2, 10)], [], DEFAULT_V1)).toHaveLength(1); // 2/10 = 0.2
  });

  it('is raised for gymnasiums and lyceums too', () => {
    for (const schoolType of ['GYMNASIUM', 'LYCEUM']) {
      const ms = computeMarkers([vpr({ n3: 50 }, { raised: 10, schoolType })], [], DEFAULT_V1);
      expect(ms.map((m) => m.code)).toEqual(['JOURNAL_MISMATCH']);
    }
  });

  it('follows parameter overrides', () => {
    expect(computeMarkers([row(10)], [], withMarkers({ journalRaisedShare: 0.21 }))).toEqual([]);
    expect(computeMarkers([row(5)], [], withMarkers({ journalRaisedShare: 0.1 }))).toHaveLength(1); // 5/50 = 0.1
  });
});
