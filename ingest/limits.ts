import { type Config } from '../config/settings.js';
import { UnreadableFileError } from './read/decode.js';

/**
 * The bounds of one import (README: Limits; settings IMPORT_* in config/settings.ts). Each refuses the
 * file as a whole with a code, a reason in Russian and English, and an import_log row; none lets a
 * file make the process unpack, hold or compare more than it allows.
 */
export type ImportLimits = Config['imports'];

/** Why a file was refused as a whole (the `code` of the report's `fileError` and of the HTTP answer). */
export type FileErrorCode =
  /** Not CSV text in UTF-8 or Windows-1251, nor a readable XLSX (binary, UTF-16, a broken zip). */
  | 'UNREADABLE_FILE'
  /** More bytes than IMPORT_MAX_UPLOAD_BYTES. */
  | 'FILE_TOO_LARGE'
  /** An XLSX whose parts unpack (declared or actually) to more than IMPORT_MAX_UNPACKED_BYTES. */
  | 'UNPACKED_TOO_LARGE'
  /** A record far longer than any valid row (CSV), beyond what could be kept to report it by line. */
  | 'CELL_TOO_LONG'
  | 'TOO_MANY_COLUMNS'
  | 'TOO_MANY_ROWS'
  /** A statement of the import ran longer than IMPORT_STATEMENT_TIMEOUT_MS. */
  | 'IMPORT_TIMEOUT'
  /** Anything unexpected: the import is undone and logged, the error goes to the server's log. */
  | 'IMPORT_FAILED';

/** Values quoted in error reports are cut to this many characters (and an ellipsis). */
export const MAX_REPORTED_CHARS = 200;
/** Reasons and column labels are ours or header text: cut longer, but cut all the same. */
export const MAX_REASON_CHARS = 1000;

/** `text` as an error report may quote it: at most `max` characters, then «…». */
export function truncateText(text: string, max = MAX_REPORTED_CHARS): string {
  if (text.length <= max) return text;
  // Do not split a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export function fileTooLarge(max: number): UnreadableFileError {
  return new UnreadableFileError(
    `the file is larger than ${max} bytes (${mb(max)}, IMPORT_MAX_UPLOAD_BYTES)`,
    `файл больше ${max} байт (${mb(max)}, IMPORT_MAX_UPLOAD_BYTES)`,
    'FILE_TOO_LARGE',
  );
}

export function unpackedTooLarge(max: number, part: string, declared: boolean): UnreadableFileError {
  const how = declared ? 'declares' : 'unpacks to';
  const howRu = declared ? 'объявляет' : 'распаковывается в';
  return new UnreadableFileError(
    `the XLSX file ${how} more than ${max} bytes (${mb(max)}, IMPORT_MAX_UNPACKED_BYTES) at its part «${truncateText(part, 100)}»: refused before unpacking`,
    `файл XLSX ${howRu} больше ${max} байт (${mb(max)}, IMPORT_MAX_UNPACKED_BYTES) на части «${truncateText(part, 100)}»: отклонён, не распаковывая`,
    'UNPACKED_TOO_LARGE',
  );
}

export function tooManyParts(max: number): UnreadableFileError {
  return new UnreadableFileError(
    `the XLSX file has more than ${max} parts`,
    `в файле XLSX больше ${max} частей`,
    'UNPACKED_TOO_LARGE',
  );
}

export function tooManyColumns(line: number, columns: number, max: number): UnreadableFileError {
  return new UnreadableFileError(
    `line ${line}: ${columns} columns, more than the limit of ${max} (IMPORT_MAX_COLUMNS)`,
    `строка ${line}: ${columns} столбцов, больше предела ${max} (IMPORT_MAX_COLUMNS)`,
    'TOO_MANY_COLUMNS',
  );
}

export function tooManyRows(max: number): UnreadableFileError {
  return new UnreadableFileError(
    `more than ${max} data rows (IMPORT_MAX_ROWS)`,
    `больше ${max} строк данных (IMPORT_MAX_ROWS)`,
    'TOO_MANY_ROWS',
  );
}

export function recordTooLong(line: number, chars: number, start: string): UnreadableFileError {
  return new UnreadableFileError(
    `line ${line}: a record longer than ${chars} characters (a cell over the limit, or an unterminated quote)`,
    `строка ${line}: запись длиннее ${chars} символов (ячейка сверх предела или незакрытая кавычка)`,
    'CELL_TOO_LONG',
    truncateText(start),
  );
}

/** The row defect of a cell over IMPORT_MAX_CELL_CHARS (its value is reported cut). */
export function cellTooLongReason(max: number): { ru: string; en: string } {
  return {
    ru: `значение длиннее ${max} символов (IMPORT_MAX_CELL_CHARS)`,
    en: `value longer than ${max} characters (IMPORT_MAX_CELL_CHARS)`,
  };
}

export function importTimeout(ms: number): UnreadableFileError {
  return new UnreadableFileError(
    `the import took longer than ${ms} ms in one statement (IMPORT_STATEMENT_TIMEOUT_MS) and was undone`,
    `импорт выполнял одну операцию дольше ${ms} мс (IMPORT_STATEMENT_TIMEOUT_MS) и отменён`,
    'IMPORT_TIMEOUT',
  );
}

export const IMPORT_FAILED = {
  code: 'IMPORT_FAILED' as const,
  en: 'the import failed on an internal error and was undone; nothing was stored',
  ru: 'импорт прерван внутренней ошибкой и отменён; ничего не сохранено',
};

/** Yields to the event loop at most every this many milliseconds of import work. */
const SLICE_MS = 8;
let sliceStarted = performance.now();

/**
 * Lets the server answer other requests between slices of an import's work (parsing, validating):
 * once the current slice has run SLICE_MS, a promise of a macrotask turn (setImmediate) to await;
 * otherwise null, so that a caller checking per row pays no promise per row:
 * `const pause = breathe(); if (pause) await pause;`
 */
export function breathe(): Promise<void> | null {
  if (performance.now() - sliceStarted < SLICE_MS) return null;
  return new Promise<void>((resolve) =>
    setImmediate(() => {
      sliceStarted = performance.now();
      resolve();
    }),
  );
}
