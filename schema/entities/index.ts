import { EgeMinimum } from './ege-minimum.entity.js';
import { EgeResult } from './ege-result.entity.js';
import { IndicatorValue } from './indicator-value.entity.js';
import { Municipality } from './municipality.entity.js';
import { OgeResult } from './oge-result.entity.js';
import { Region } from './region.entity.js';
import { School } from './school.entity.js';
import { VprResult } from './vpr-result.entity.js';

export { EgeMinimum, EgeResult, IndicatorValue, Municipality, OgeResult, Region, School, VprResult };

export const ENTITIES = [
  Region,
  Municipality,
  School,
  VprResult,
  OgeResult,
  EgeResult,
  EgeMinimum,
  IndicatorValue,
];
