import { paramsHash } from '../methodology/hash.js';
import { type MethodologyParams } from '../methodology/params.js';

/** The parameters a reduction depends on, and nothing else, so versions that share them share it. */
export function subjectSetKey(p: MethodologyParams): string {
  const { coreGrades, coreSubjects, ogeSubjects, egeSubjects } = p.indicators;
  return paramsHash({ coreGrades, coreSubjects, ogeSubjects, egeSubjects });
}

export function markerParamsKey(p: MethodologyParams): string {
  return paramsHash(p.markers);
}
