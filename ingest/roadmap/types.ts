/** What the roadmap table parser (SUPPORT-V1 §3 steps 1–6, and DUPLICATE_NUMBER of step 8) answers. */

export interface RoadmapTableParams {
  /** §3 step 6 `schoolExecutors`: an executor naming one of these makes school reports required. */
  schoolExecutors: readonly string[];
}

/** One activity (row) of the table, its cells joined over the physical lines it came from. */
export interface ParsedActivity {
  /** 1-based position in the table. */
  ordinal: number;
  /** The number cell as written (`1.`, `23`, `2.1`). */
  number: string;
  title: string;
  /** The deadline cell as joined by the continuation rules; parsed elsewhere (§2). */
  deadlineText: string;
  /** The executors cell as joined by the continuation rules. */
  executorsText: string;
  /** §3 step 5: the cell's physical fragments split at «,» and «;», without empty or repeated pieces. */
  executors: string[];
  /** The result cell, or null when the header has no result column. */
  expectedResult: string | null;
  /** §3 step 6: the import's default, editable afterwards. */
  requiresSchoolReport: boolean;
  /** The physical lines (1-based) the activity came from: its start, then its continuations. */
  lines: number[];
}

export type SkipReason =
  | 'BLANK'
  | 'REPEATED_HEADER'
  | 'COLUMN_NUMBERS'
  | 'PAGE_NUMBER'
  | 'ORPHAN_CONTINUATION';

/** A line after the header that is part of no activity (§3 steps 2 and 4). */
export interface SkippedLine {
  line: number;
  reason: SkipReason;
}

/** A warning that does not stop the import (§3 step 8); this parser raises DUPLICATE_NUMBER only. */
export interface RoadmapTableWarning {
  code: 'DUPLICATE_NUMBER';
  /** The line of the later activity carrying the number. */
  line: number;
  /** That activity's number as written. */
  number: string;
  message: string;
}

export interface RoadmapTable {
  ok: true;
  /** The header's line (1-based); the lines before it are ignored. */
  headerLine: number;
  activities: ParsedActivity[];
  skipped: SkippedLine[];
  warnings: RoadmapTableWarning[];
  /** The TAB-less line that ended the table (1-based), or null when the table runs to the end. */
  endLine: number | null;
}

export interface RoadmapTableFailure {
  ok: false;
  error: { code: 'NO_HEADER'; message: string };
}

export type RoadmapTableResult = RoadmapTable | RoadmapTableFailure;
