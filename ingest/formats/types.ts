/** The vocabulary shared by every import format. */

export const IMPORT_KINDS = ['schools', 'vpr', 'oge', 'ege', 'indicators'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** The support lists of SUPPORT-V1 §1 imported in bulk (ingest/formats/support, ingest/write/support). */
export const SUPPORT_IMPORT_KINDS = [
  'orders',
  'assignments',
  'partnerships',
  'documents',
  'activity-statuses',
  'activity-reports',
  'diagnostics',
  'events',
] as const;
export type SupportImportKind = (typeof SUPPORT_IMPORT_KINDS)[number];
/** Every kind `POST /import/<kind>` and `npm run import` take. */
export type AnyImportKind = ImportKind | SupportImportKind;

export function isSupportImportKind(value: string): value is SupportImportKind {
  return (SUPPORT_IMPORT_KINDS as readonly string[]).includes(value);
}

/** Why a row is refused, for a Russian-speaking analyst and for everyone else. */
export interface Reason {
  ru: string;
  en: string;
}

/** One refused cell or row: `column` is the header as written in the file (or the expected one). */
export interface BadRow {
  line: number;
  column: string;
  value: string;
  reason: Reason;
}

/** A column of a format: its key, the header names accepted (Russian as exported, English alias). */
export interface FieldSpec {
  key: string;
  names: readonly string[];
  required: boolean;
}

/** What a validator may know about a school of the registry. */
export interface KnownSchool {
  id: number;
  regionId: number;
}

/** What validation needs beyond the row: the registry, and which regions the importer may write. */
export interface ValidationEnv {
  school(code: string): KnownSchool | undefined;
  /** null: every region; otherwise the region ids of the importer's scope. */
  regionIds: readonly number[] | null;
  /** An existing region by name (compared like headers: case and spacing ignored). */
  region(name: string): number | undefined;
}
