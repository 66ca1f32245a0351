import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** An API key of a BI service account: only its SHA-256 is stored, bound to a role and a scope (`claims`). */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: 'api_key_name_key' })
  name!: string;

  @Property({ type: 'text', unique: 'api_key_hash_key' })
  hash!: string;

  /** What a token would carry: role, place, `sub`. */
  @Property({ type: 'json' })
  claims!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
