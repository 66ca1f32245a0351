import { BigIntType, Entity, Enum, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

export const IMPORT_STATUSES = ['ACCEPTED', 'REJECTED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One row of import_log: a file import, accepted or refused, and what it changed (ingest/write/import-log.ts). */
@Entity({ tableName: 'import_log' })
@Index({ name: 'import_log_actor_index', properties: ['actor', 'id'] })
export class ImportLogEntry {
  // bigserial, as text in JS (the API's ids are strings; no precision lost)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  at!: Date & Opt;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'json' })
  scope!: unknown;

  /** vpr, oge, ege, indicators, … */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  fileName!: string;

  /** SHA-256 of the file; none when it could not be read. */
  @Property({ type: 'text', nullable: true })
  checksum?: string | null;

  @Enum({ items: () => [...IMPORT_STATUSES], type: 'text' })
  status!: ImportStatus;

  @Property({ type: 'integer', default: 0 })
  rows: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  inserted: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  updated: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  unchanged: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  badRows: number & Opt = 0;

  /** The bad rows (bounded), or the one file error at line 0. */
  @Property({ type: 'json', defaultRaw: `'[]'::jsonb` })
  errors: unknown[] & Opt = [];

  @Property({ type: new BigIntType('number') })
  dataVersion!: number;

  @Property({ type: 'integer' })
  milliseconds!: number;
}
