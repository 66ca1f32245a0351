import { EGE_SUBJECTS, OGE_SUBJECTS, SchoolType, VPR_GRADES, VPR_SUBJECTS } from '../../schema/enums.js';
import { CONTEXT_INDICATOR_CODES, RISK_INDICATOR_CODES } from '../../schema/indicator-codes.js';
import { type MethodologyParams } from './params.js';

export interface ParamProblem {
  /** Dotted path of the parameter, e.g. `risk.indicators[3].cut2`. */
  path: string;
  message: string;
}

const RISK_CODES: readonly string[] = [...RISK_INDICATOR_CODES, 'SR_VPR_LOW'];

/** Every problem of a parameter set (empty = valid), so a ministry sees all of them at once. */
export function validateParams(p: MethodologyParams): ParamProblem[] {
  const problems: ParamProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  const unit = (path: string, v: number) =>
    (Number.isFinite(v) && v >= 0 && v <= 1) || fail(path, `must be within [0, 1], got ${v}`);
  const positiveInt = (path: string, v: number) =>
    (Number.isInteger(v) && v >= 1) || fail(path, `must be a whole number ≥ 1, got ${v}`);
  const subset = (
    path: string,
    values: readonly (string | number)[],
    allowed: readonly (string | number)[],
    nonEmpty = true,
  ) => {
    if (nonEmpty && values.length === 0) fail(path, 'must not be empty');
    values.forEach(
      (v, i) => allowed.includes(v) || fail(`${path}[${i}]`, `«${v}» is not one of ${allowed.join(', ')}`),
    );
  };

  const ind = p.indicators;
  subset('indicators.coreGrades', ind.coreGrades, VPR_GRADES);
  subset('indicators.coreSubjects', ind.coreSubjects, VPR_SUBJECTS);
  subset('indicators.ogeSubjects', ind.ogeSubjects, OGE_SUBJECTS);
  subset('indicators.egeSubjects', ind.egeSubjects, EGE_SUBJECTS);
  positiveInt('indicators.minPooledVpr', ind.minPooledVpr);
  positiveInt('indicators.minPooledGia', ind.minPooledGia);
  for (const w of ['wVpr', 'wOge', 'wEge'] as const) {
    if (!(Number.isFinite(ind[w]) && ind[w] >= 0)) fail(`indicators.${w}`, `must be ≥ 0, got ${ind[w]}`);
  }
  if (!(ind.wVpr > 0)) fail('indicators.wVpr', 'must be > 0: a school is ranked only when vprLow is defined');

  unit('eligibility.lowRankCut', p.eligibility.lowRankCut);
  if (!['REVIEW', 'EXCLUDE', 'IGNORE'].includes(p.eligibility.objectivityPolicy)) {
    fail('eligibility.objectivityPolicy', 'must be REVIEW, EXCLUDE or IGNORE');
  }

  const m = p.markers;
  positiveInt('markers.minMarkerN', m.minMarkerN);
  unit('markers.highVsRegionQualityGap', m.highVsRegionQualityGap);
  subset('markers.highVsRegionExemptTypes', m.highVsRegionExemptTypes, Object.values(SchoolType), false);
  unit('markers.journalRaisedShare', m.journalRaisedShare);
  subset('markers.cohortSubjects', m.cohortSubjects, VPR_SUBJECTS);
  if (!(m.cohortDropMeanMark >= 0 && m.cohortDropMeanMark <= 3))
    fail('markers.cohortDropMeanMark', 'must be within [0, 3] marks');
  unit('markers.spikeScoreFraction', m.spikeScoreFraction);
  unit('markers.spikeShare', m.spikeShare);

  const r = p.risk;
  unit('risk.mediumLevel', r.mediumLevel);
  unit('risk.highLevel', r.highLevel);
  if (r.mediumLevel > r.highLevel) fail('risk.mediumLevel', 'must not exceed risk.highLevel');
  if (!(Number.isInteger(r.priorityCount) && r.priorityCount >= 0 && r.priorityCount <= 10)) {
    fail('risk.priorityCount', 'must be a whole number from 0 to 10');
  }
  const seen = new Set<string>();
  r.indicators.forEach((i, k) => {
    const at = `risk.indicators[${k}]`;
    if (!RISK_CODES.includes(i.code)) fail(`${at}.code`, `«${i.code}» is not a risk indicator code`);
    if (seen.has(i.code)) fail(`${at}.code`, `«${i.code}» is listed twice`);
    seen.add(i.code);
    if (!(Number.isInteger(i.factor) && i.factor >= 1 && i.factor <= 10))
      fail(`${at}.factor`, 'must be 1 … 10');
    if (i.direction !== 'HIGH_IS_RISK' && i.direction !== 'LOW_IS_RISK')
      fail(`${at}.direction`, 'must be HIGH_IS_RISK or LOW_IS_RISK');
    if (!Number.isFinite(i.cut1) || !Number.isFinite(i.cut2)) fail(`${at}.cut1`, 'cut-offs must be numbers');
    else if (i.direction === 'HIGH_IS_RISK' && i.cut1 > i.cut2)
      fail(`${at}.cut2`, 'must be ≥ cut1 when high values are the risk');
    else if (i.direction === 'LOW_IS_RISK' && i.cut1 < i.cut2)
      fail(`${at}.cut2`, 'must be ≤ cut1 when low values are the risk');
    if (!(Number.isFinite(i.weight) && i.weight > 0)) fail(`${at}.weight`, `must be > 0, got ${i.weight}`);
  });

  if (!(Number.isInteger(p.dynamics.trendYears) && p.dynamics.trendYears >= 2))
    fail('dynamics.trendYears', 'must be a whole number ≥ 2');
  if (!(p.dynamics.zCritical > 0)) fail('dynamics.zCritical', 'must be > 0');

  unit('context.difficultContextCut', p.context.difficultContextCut);
  unit('context.resilientLowRankMax', p.context.resilientLowRankMax);
  subset(
    'context.components',
    p.context.components.map((c) => c.code),
    CONTEXT_INDICATOR_CODES,
  );
  p.context.components.forEach(
    (c, k) => c.sign === 1 || c.sign === -1 || fail(`context.components[${k}].sign`, 'must be 1 or -1'),
  );
  return problems;
}
