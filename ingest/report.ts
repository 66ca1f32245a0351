import { type AnyImportKind, type BadRow, type Reason } from './formats/types.js';
import { type FileErrorCode } from './limits.js';

/** Why a file was refused as a whole: a code (ingest/limits.ts) and the reason; `value` quotes it, cut. */
export interface FileError extends Reason {
  code: FileErrorCode;
  value?: string;
}

/** What an import answers, to the CLI, the upload and the import log. */
export interface ImportReport {
  /** import_log id. */
  id: string;
  kind: AnyImportKind;
  fileName: string;
  status: 'ACCEPTED' | 'REJECTED';
  /** SHA-256 of the file's bytes (null when the file could not be read to its end). */
  checksum: string | null;
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  bytes: number;
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Exact repeats of an earlier line of the file, counted once. */
  repeated: number;
  badRows: number;
  /** Every bad row, by line (up to MAX_LISTED_ERRORS; `badRows` counts them all). */
  errors: BadRow[];
  /**
   * The file was refused as a whole: it could not be read (not CSV/XLSX, binary or UTF-16, mixed
   * encodings, unterminated quote), it is over a limit (README: Limits), or the import failed.
   */
  fileError: FileError | null;
  /** Registry imports: places created for names not yet known. */
  createdRegions: number;
  createdMunicipalities: number;
  /** Whether the result table's foreign-key triggers re-checked every school (ingest/write/references.ts). */
  foreignKeyTriggers: boolean;
  /**
   * How the rows went in: DIRECT — COPY straight into the result table (a new year's file,
   * ingest/write/direct.ts; then `stagingMilliseconds` is that COPY and `writeMilliseconds` 0);
   * STAGED — through the staging table and an insert or upsert.
   */
  path: 'DIRECT' | 'STAGED';
  /** The data version after the import (bumped only when a row changed). */
  dataVersion: number;
  milliseconds: number;
  /**
   * Of which reading, validating and copying into staging or, on the direct path, into the target
   * (they overlap: the file streams into COPY); includes a direct attempt that fell back.
   */
  stagingMilliseconds: number;
  /** Of which the duplicate checks and the upsert into the target table. */
  writeMilliseconds: number;
  /** Of which rebuilding the analytics reductions (0 when nothing changed). */
  refreshMilliseconds: number;
}

/** A file of a million bad rows must not become a million-entry answer held in memory. */
export const MAX_LISTED_ERRORS = 100_000;
/** Stored in import_log.errors. */
export const MAX_LOGGED_ERRORS = 1000;

/** The report as the CLI prints it: counts, or every bad row in Russian and English. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.status === 'ACCEPTED' ? 'Принят / accepted' : 'Отклонён / rejected'}: ${report.kind} «${report.fileName}» (${report.format ?? '?'}${report.encoding ? `, ${report.encoding}` : ''}, ${report.bytes} bytes, sha256 ${report.checksum ?? '—'})`,
    `строк / rows ${report.rows}: добавлено / inserted ${report.inserted}, изменено / updated ${report.updated}, без изменений / unchanged ${report.unchanged}, повторы / repeated ${report.repeated}, ошибок / bad ${report.badRows}`,
  ];
  if (report.createdRegions || report.createdMunicipalities) {
    lines.push(
      `создано регионов / regions created ${report.createdRegions}, муниципалитетов / municipalities ${report.createdMunicipalities}`,
    );
  }
  if (report.fileError) {
    const { code, ru, en, value } = report.fileError;
    lines.push(`файл отклонён / file refused (${code}): ${ru} / ${en}${value ? ` — «${value}»` : ''}`);
  }
  // A file refused whole: its reason is the answer (bad rows seen before it are not the point).
  for (const bad of report.fileError ? [] : report.errors) {
    lines.push(
      `  строка ${bad.line}, «${bad.column}» = «${bad.value}»: ${bad.reason.ru} / line ${bad.line}: ${bad.reason.en}`,
    );
  }
  if (!report.fileError && report.errors.length < report.badRows) {
    lines.push(
      `  … и ещё ${report.badRows - report.errors.length} / and ${report.badRows - report.errors.length} more`,
    );
  }
  lines.push(
    `версия данных / data version ${report.dataVersion}; ${report.path}, ${report.milliseconds} ms (staging ${report.stagingMilliseconds}, write ${report.writeMilliseconds}, analytics ${report.refreshMilliseconds})`,
  );
  return lines.join('\n');
}
