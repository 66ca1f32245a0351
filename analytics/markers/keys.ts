/**
 * Map keys for (id, year, grade, subject) rows. V8 keeps integers below 2^30 unboxed (Smi): such keys
 * hash fast and allocate nothing, which matters at 1.6 M rows. A single flat key of all four parts
 * would pass 2^30 for real school ids, so ids key an outer Map and (year, grade, subject) an inner one.
 */

const SUBJECT_SLOTS = 64;
const GRADE_SLOTS = 16;

/** Small integers for subject codes, assigned on first sight within one computation. */
export class SubjectIndex {
  private readonly slots = new Map<string, number>();

  of(subject: string): number {
    let slot = this.slots.get(subject);
    if (slot === undefined) {
      slot = this.slots.size;
      if (slot >= SUBJECT_SLOTS) throw new RangeError(`more than ${SUBJECT_SLOTS} distinct subject codes`);
      this.slots.set(subject, slot);
    }
    return slot;
  }
}

/** (year, grade, subject slot) as one small integer: 2030 → 2030 · 1024 + … stays far below 2^30. */
export function rowKey(year: number, grade: number, subjectSlot: number): number {
  // out-of-range or fractional parts would make two different rows share a key
  if (!Number.isInteger(year) || !Number.isInteger(grade) || year < 0 || grade < 0 || grade >= GRADE_SLOTS) {
    throw new RangeError(`cannot key year ${year}, grade ${grade}`);
  }
  return (year * GRADE_SLOTS + grade) * SUBJECT_SLOTS + subjectSlot;
}

/** Values by (school or region id, rowKey). */
export class RowIndex<V> {
  private readonly byId = new Map<number, Map<number, V>>();

  get(id: number, key: number): V | undefined {
    return this.byId.get(id)?.get(key);
  }

  /** All rows of one id: callers walking rows grouped by id look the id up once per group. */
  rowsOf(id: number): ReadonlyMap<number, V> | undefined {
    return this.byId.get(id);
  }

  set(id: number, key: number, value: V): void {
    let rows = this.byId.get(id);
    if (!rows) {
      rows = new Map();
      this.byId.set(id, rows);
    }
    rows.set(key, value);
  }

  *values(): IterableIterator<V> {
    for (const rows of this.byId.values()) yield* rows.values();
  }
}
