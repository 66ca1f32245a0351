import { describe, expect, it } from 'vitest';
import { SUPPORT_V1, SUPPORT_VERSION } from './params.js';

describe('SUPPORT_V1: the numbers and lists of SUPPORT-V1.md, verbatim', () => {
  it('is support-v1', () => {
    expect(SUPPORT_VERSION).toBe('support-v1');
  });

  it('§2 deadlines', () => {
    expect(SUPPORT_V1.deadlines).toEqual({
      yearSuffixes: ['года', 'год', 'гг.', 'гг', 'г.', 'г'],
      wholePeriodTexts: [
        'в течение всего периода',
        'в течение периода',
        'весь период',
        'постоянно',
        'ежемесячно',
        'ежеквартально',
        'еженедельно',
      ],
      noDueTexts: ['по отдельному плану', 'по плану', 'по графику', 'по мере необходимости'],
      periodYearTexts: ['в течение года'],
      schoolYearTexts: ['в течение учебного года'],
      schoolYearStartMonth: 9,
      dateBeforePrefixes: ['до', 'не позднее'],
    });
  });

  it('§3 import: schoolExecutors and the numbers of the table rules', () => {
    expect(SUPPORT_V1.import.schoolExecutors).toEqual([
      'руководители оо',
      'руководитель оо',
      'оо',
      'общеобразовательные организации',
      'образовательные организации',
      'школы',
    ]);
    expect(SUPPORT_V1.import.columnNumbersMin).toBe(3);
    expect(SUPPORT_V1.import.pageNumberMaxDigits).toBe(4);
    expect(SUPPORT_V1.import.activityNumberMaxDigits).toBe(3);
  });

  it('§4 partners, §5 monitoring, §6 DiD', () => {
    expect(SUPPORT_V1.partners).toEqual({ partnerRankMax: 0.25, partnerSwiMaxDistance: 0.5, partnerMax: 5 });
    expect(SUPPORT_V1.monitoring.diagStages).toEqual(['ENTRANCE', 'INTERMEDIATE']);
    expect(SUPPORT_V1.monitoring.minDiagN).toBe(10);
    expect(SUPPORT_V1.did).toEqual({
      didControlRankMin: 0.75,
      didHorizon: 1,
      didZ: 1.96,
      didMinGroup: 3,
      didRootDigits: 50,
      didReportDecimals: 12,
    });
  });
});
