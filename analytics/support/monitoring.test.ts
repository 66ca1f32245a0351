import { describe, expect, it } from 'vitest';
import {
  activityStatuses,
  holdsOn,
  type MonitoredActivity,
  requiredDocuments,
  schoolDocuments,
  schoolReports,
} from './monitoring.js';

const activity = (
  id: string,
  due: string | null,
  report = true,
  records: MonitoredActivity['records'] = [],
) => ({
  id,
  due,
  requiresSchoolReport: report,
  records,
});

describe('SUPPORT-V1 §5 execution monitoring', () => {
  it('counts the activities by their status as of D, OVERDUE derived after the due date only', () => {
    const { counts, statuses } = activityStatuses(
      [
        activity('1', '2026-10-31', false, [{ date: '2026-10-01', seq: 1, status: 'DONE' }]),
        activity('2', '2026-10-31', false, [{ date: '2026-10-01', seq: 2, status: 'IN_PROGRESS' }]),
        activity('3', '2026-12-01'),
        activity('4', null),
        activity('5', '2026-11-30', false, [{ date: '2026-12-02', seq: 3, status: 'DONE' }]),
      ],
      '2026-12-01',
    );
    expect(counts).toEqual({ total: 5, DONE: 1, IN_PROGRESS: 0, PLANNED: 2, OVERDUE: 2 });
    expect([...statuses.values()]).toEqual(['DONE', 'OVERDUE', 'PLANNED', 'PLANNED', 'OVERDUE']);
  });

  it("a school's reports: due after the due date, submitted with a report ≤ D, done by the latest, missing", () => {
    const activities = [
      activity('a', '2026-10-31'),
      activity('b', '2026-11-30'),
      activity('c', '2026-12-31'),
      activity('d', null),
      activity('e', '2026-09-30', false),
      activity('f', '2026-12-01'),
    ];
    const reports = schoolReports(
      activities,
      [
        { activityId: 'a', date: '2026-10-20', seq: 1, status: 'DONE' },
        { activityId: 'a', date: '2026-10-20', seq: 2, status: 'IN_PROGRESS' },
        { activityId: 'c', date: '2026-11-01', seq: 3, status: 'DONE' },
        { activityId: 'd', date: '2026-12-05', seq: 4, status: 'DONE' },
        { activityId: 'e', date: '2026-09-01', seq: 5, status: 'DONE' },
      ],
      '2026-12-01',
    );
    // a: due, IN_PROGRESS last (seq 2); b: due, missing; c: not due, DONE; d: report after D;
    // e: no report required; f: due on D itself, not yet due
    expect(reports).toEqual({ total: 5, due: 2, submitted: 2, done: 1, missing: ['b'] });
  });

  it('required documents: the anti-risk programme once per priority risk', () => {
    expect(
      requiredDocuments(
        ['CONCEPT', 'MEDIUM_TERM_PROGRAMME', 'ANTI_RISK_PROGRAMME', 'FAILING_STUDENTS_PLAN'],
        [2, 7],
      ),
    ).toEqual([
      { kind: 'CONCEPT', riskFactor: null },
      { kind: 'MEDIUM_TERM_PROGRAMME', riskFactor: null },
      { kind: 'ANTI_RISK_PROGRAMME', riskFactor: 2 },
      { kind: 'ANTI_RISK_PROGRAMME', riskFactor: 7 },
      { kind: 'FAILING_STUDENTS_PLAN', riskFactor: null },
    ]);
    expect(requiredDocuments(['ANTI_RISK_PROGRAMME'], [])).toEqual([]);
  });

  it('documents as of D: the last record ≤ D; none yet is no document; RETURNED or DRAFT covers nothing', () => {
    const required = requiredDocuments(['CONCEPT', 'ANTI_RISK_PROGRAMME', 'FAILING_STUDENTS_PLAN'], [3, 5]);
    const result = schoolDocuments(
      [
        {
          kind: 'CONCEPT',
          riskFactor: null,
          records: [
            { date: '2026-10-01', seq: 1, status: 'SUBMITTED' },
            { date: '2026-10-05', seq: 2, status: 'APPROVED' },
          ],
        },
        {
          kind: 'ANTI_RISK_PROGRAMME',
          riskFactor: 3,
          records: [{ date: '2026-10-01', seq: 3, status: 'RETURNED' }],
        },
        {
          kind: 'ANTI_RISK_PROGRAMME',
          riskFactor: 5,
          records: [{ date: '2026-10-02', seq: 4, status: 'SUBMITTED' }],
        },
        {
          kind: 'FAILING_STUDENTS_PLAN',
          riskFactor: null,
          records: [{ date: '2026-12-02', seq: 5, status: 'SUBMITTED' }],
        },
      ],
      required,
      '2026-12-01',
    );
    expect(result).toEqual({
      counts: { DRAFT: 0, SUBMITTED: 1, APPROVED: 1, RETURNED: 1 },
      submitted: 2,
      approved: 1,
      missingRequired: [
        { kind: 'ANTI_RISK_PROGRAMME', riskFactor: 3 },
        { kind: 'FAILING_STUDENTS_PLAN', riskFactor: null },
      ],
    });
  });

  it('an assignment holds from its first to its last day; an open end holds', () => {
    expect(holdsOn('2026-09-01', null, '2026-09-01')).toBe(true);
    expect(holdsOn('2026-09-01', '2026-12-01', '2026-12-01')).toBe(true);
    expect(holdsOn('2026-09-01', '2026-11-30', '2026-12-01')).toBe(false);
    expect(holdsOn('2026-12-02', null, '2026-12-01')).toBe(false);
  });
});
