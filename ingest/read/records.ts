/** What every reader produces: records (fields as text) with the line each starts on, in batches. */
export interface RecordBatch {
  /** 1-based line (CSV: physical line where the record starts; XLSX: row number). */
  lines: number[];
  records: string[][];
}

export function emptyBatch(): RecordBatch {
  return { lines: [], records: [] };
}

/** A row with no content at all (blank line, `;;;;` of an Excel export, empty XLSX row) is skipped. */
export function isBlankRecord(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}
