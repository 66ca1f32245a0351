import { describe, expect, it } from 'vitest';
import { completion, gotSupport, heldDuring, lowIndexChange, supportStart } from './cycle.js';

describe('the support a listed school got (issue 13 item 5)', () => {
  it('counts an assignment that held at any time in [1 Sep y, D], an open end included', () => {
    const [start, end] = [supportStart(2026), '2027-09-15'];
    expect(start).toBe('2026-09-01');
    expect(heldDuring('2026-09-10', null, start, end)).toBe(true);
    expect(heldDuring('2025-09-01', '2026-09-01', start, end)).toBe(true); // ends on the first day
    expect(heldDuring('2025-09-01', '2026-08-31', start, end)).toBe(false); // ended before
    expect(heldDuring('2027-09-15', null, start, end)).toBe(true); // starts on D
    expect(heldDuring('2027-09-16', null, start, end)).toBe(false); // starts after D
    expect(heldDuring('2026-09-10', null, start, '2026-08-01')).toBe(false); // D before the window
  });

  it('rounds the completion and has none without activities', () => {
    expect(completion(11, 23)).toBe(0.478260869565);
    expect(completion(0, 0)).toBeNull();
  });

  it('is support with a roadmap, a curator or a partner', () => {
    const none = { roadmapIds: [], curatorAssigned: false, partnerAssigned: false };
    expect(gotSupport(none)).toBe(false);
    expect(gotSupport({ ...none, roadmapIds: ['1'] })).toBe(true);
    expect(gotSupport({ ...none, partnerAssigned: true })).toBe(true);
  });

  it('takes the change on the stored values, null when one is missing', () => {
    expect(lowIndexChange(0.3, 0.1)).toBe(0.2);
    expect(lowIndexChange(null, 0.1)).toBeNull();
    expect(lowIndexChange(0.1, undefined)).toBeNull();
  });
});
