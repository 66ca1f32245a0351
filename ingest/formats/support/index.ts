import { type SupportImportKind } from '../types.js';
import { ASSIGNMENTS_FORMAT } from './assignments.js';
import { type SupportFormat, type SupportRow } from './common.js';
import { DIAGNOSTICS_FORMAT } from './diagnostics.js';
import { PARTNERSHIPS_FORMAT } from './partnerships.js';

export const SUPPORT_FORMATS: Readonly<Record<SupportImportKind, SupportFormat<SupportRow>>> = {
  assignments: ASSIGNMENTS_FORMAT as SupportFormat<SupportRow>,
  partnerships: PARTNERSHIPS_FORMAT as SupportFormat<SupportRow>,
  diagnostics: DIAGNOSTICS_FORMAT as SupportFormat<SupportRow>,
};
