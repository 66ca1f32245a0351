export * from './deadlines.js';
export { SUPPORT_V1, SUPPORT_VERSION } from './params.js';
export type {
  DiagnosticStage,
  DiagnosticSubject,
  HeaderMarkers,
  SchoolDocumentKind,
  SupportParams,
} from './params.js';
export * from './partners.js';
