import { describe, expect, it } from 'vitest';
import { activityStatus, lastRecordAsOf, parseDeadline, type StatusRecord } from './deadlines.js';

describe('activityStatus (SUPPORT-V1 §2 Status as of D)', () => {
  it('is PLANNED with no records, and OVERDUE once past due', () => {
    expect(activityStatus([], null, '2021-01-01')).toBe('PLANNED');
    expect(activityStatus([], '2021-01-31', '2021-01-31')).toBe('PLANNED');
    expect(activityStatus([], '2021-01-31', '2021-02-01')).toBe('OVERDUE');
  });

  it('takes the highest seq among the records of one date, whatever their order', () => {
    const records: StatusRecord[] = [
      { date: '2020-10-01', seq: 5, status: 'DONE' },
      { date: '2020-10-01', seq: 3, status: 'IN_PROGRESS' },
    ];
    expect(activityStatus(records, '2020-12-31', '2020-10-01')).toBe('DONE');
    const reopened: StatusRecord[] = [
      { date: '2020-10-01', seq: 7, status: 'IN_PROGRESS' },
      { date: '2020-10-01', seq: 6, status: 'DONE' },
    ];
    expect(activityStatus(reopened, '2020-12-31', '2020-10-01')).toBe('IN_PROGRESS');
  });

  it('takes the latest date before seq', () => {
    const records: StatusRecord[] = [
      { date: '2020-10-02', seq: 1, status: 'IN_PROGRESS' },
      { date: '2020-10-01', seq: 9, status: 'DONE' },
    ];
    expect(activityStatus(records, null, '2020-10-05')).toBe('IN_PROGRESS');
  });

  it('ignores the records dated after D', () => {
    const records: StatusRecord[] = [
      { date: '2020-09-10', seq: 1, status: 'IN_PROGRESS' },
      { date: '2020-11-01', seq: 2, status: 'DONE' },
    ];
    expect(activityStatus(records, '2020-10-31', '2020-09-09')).toBe('PLANNED');
    expect(activityStatus(records, '2020-10-31', '2020-10-15')).toBe('IN_PROGRESS');
    expect(activityStatus(records, '2020-10-31', '2020-10-31')).toBe('IN_PROGRESS');
    expect(activityStatus(records, '2020-10-31', '2020-11-01')).toBe('DONE');
  });

  it('is OVERDUE only after the due date, not on it', () => {
    const records: StatusRecord[] = [{ date: '2020-09-05', seq: 1, status: 'IN_PROGRESS' }];
    expect(activityStatus(records, '2020-09-30', '2020-09-30')).toBe('IN_PROGRESS');
    expect(activityStatus(records, '2020-09-30', '2020-10-01')).toBe('OVERDUE');
    // a DONE recorded after D does not save it as of D
    const late: StatusRecord[] = [...records, { date: '2020-10-10', seq: 2, status: 'DONE' }];
    expect(activityStatus(late, '2020-09-30', '2020-10-05')).toBe('OVERDUE');
  });

  it('DONE is never overdue, even when done after the due date', () => {
    const records: StatusRecord[] = [{ date: '2020-12-01', seq: 1, status: 'DONE' }];
    expect(activityStatus(records, '2020-09-30', '2021-06-01')).toBe('DONE');
  });

  it('NO_DUE (due null) is never overdue', () => {
    const due = parseDeadline('по отдельному плану', { start: '2020-09-01', end: '2021-12-31' }).due;
    expect(due).toBeNull();
    expect(activityStatus([], due, '2030-01-01')).toBe('PLANNED');
    expect(activityStatus([{ date: '2020-09-05', seq: 1, status: 'IN_PROGRESS' }], due, '2030-01-01')).toBe(
      'IN_PROGRESS',
    );
  });

  it('with a parsed due: «сентябрь 2020 года» is due 2020-09-30', () => {
    const due = parseDeadline('сентябрь 2020 года', null).due;
    expect(activityStatus([], due, '2020-09-30')).toBe('PLANNED');
    expect(activityStatus([], due, '2020-10-01')).toBe('OVERDUE');
  });
});

describe('lastRecordAsOf', () => {
  it('returns undefined with nothing dated ≤ D, and the record itself otherwise', () => {
    const a = { date: '2021-02-01', seq: 4, status: 'SUBMITTED' };
    const b = { date: '2021-02-03', seq: 2, status: 'APPROVED' };
    expect(lastRecordAsOf([a, b], '2021-01-31')).toBeUndefined();
    expect(lastRecordAsOf([b, a], '2021-02-02')).toBe(a);
    expect(lastRecordAsOf([a, b], '2021-02-03')).toBe(b);
  });
});
