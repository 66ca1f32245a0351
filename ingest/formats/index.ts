import { type Format } from './format.js';
import { EGE_FORMAT, OGE_FORMAT } from './gia.js';
import { INDICATORS_FORMAT } from './indicators.js';
import { SCHOOLS_FORMAT } from './schools.js';
import { type ImportKind } from './types.js';
import { VPR_FORMAT } from './vpr.js';

export const FORMATS: Readonly<Record<ImportKind, Format>> = {
  schools: SCHOOLS_FORMAT,
  vpr: VPR_FORMAT,
  oge: OGE_FORMAT,
  ege: EGE_FORMAT,
  indicators: INDICATORS_FORMAT,
};
