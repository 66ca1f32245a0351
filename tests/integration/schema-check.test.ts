import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, ENTITIES, ShnorListDecision, ShnorListEntry } from '../../schema/entities/index.js';
import { DECISIONS } from '../../schema/entities/shnor-list-entry.entity.js';
import { checkSchema } from '../../schema/schema-diff.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';

/**
 * `npm run schema:check` (schema/schema-check.ts): every entity against its migrated table. The
 * planted entities below stand in for ApiKey and ShnorListDecision, each wrong in a way a real change
 * could be: nullability, type, a column that does not exist, a column left out, an index predicate.
 */
@Entity({ tableName: 'api_key' })
class PlantedApiKey {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: 'api_key_name_key' })
  name!: string;

  /** type: the table's is text */
  @Property({ type: 'varchar', length: 64, unique: 'api_key_hash_key' })
  hash!: string;

  // `claims` left out: the table has it

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  /** nullability: the table's is nullable */
  @Property({ type: 'datetime' })
  revokedAt!: Date;

  /** no such column */
  @Property({ type: 'text', nullable: true })
  label?: string | null;
}

@Entity({ tableName: 'shnor_list_decision' })
@Index({
  name: 'shnor_list_decision_list_index',
  // the table's index is on list_id; MikroORM compares an index given as SQL by name only
  expression: `create index "shnor_list_decision_list_index" on "shnor_list_decision" ("school_id")`,
})
class PlantedShnorListDecision {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  @ManyToOne(() => ShnorListEntry, {
    joinColumns: ['list_id', 'school_id'],
    foreignKeyName: 'shnor_list_decision_list_id_school_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  entry!: ShnorListEntry;

  @Enum({ items: () => [...DECISIONS], type: 'text' })
  decision!: string;

  @Property({ type: 'text' })
  justification!: string;

  @Property({ type: 'text' })
  decidedBy!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  decidedAt!: Date & Opt;
}

const run = promisify(execFile);
let fresh: FreshDatabase;

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'none' });
});
afterAll(async () => {
  await fresh?.drop();
});

describe('schema:check', () => {
  it('passes on the entities of schema/entities: every entity table as migrated, the snapshot current', async () => {
    const result = await checkSchema(fresh.url);
    expect(result.differences).toEqual([]);
    expect(result.sql).toBe('');
    expect(result.snapshotDifferences).toEqual([]);
    expect(result.tables).toHaveLength(ENTITIES.length);
    expect(result.tables).toEqual(expect.arrayContaining(['api_key', 'audit_log', 'shnor_list_decision']));
  });

  it('as `npm run schema:check`: exit 0, says so', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'schema:check'], {
      env: { ...process.env, DATABASE_URL: fresh.url },
    });
    expect(stdout).toContain(`the ${ENTITIES.length} entity tables agree with`);
    expect(stdout).toContain('the migrations snapshot agrees with the entities');
  });

  it('fails on planted entities, naming each difference and the SQL that would remove it', async () => {
    const planted = ENTITIES.map((e) =>
      e === ApiKey ? PlantedApiKey : e === ShnorListDecision ? PlantedShnorListDecision : e,
    );
    const result = await checkSchema(fresh.url, { entities: planted, snapshot: false });
    expect(result.differences).toEqual(
      expect.arrayContaining([
        'api_key.hash: type "text" in the database, "varchar(64)" in the entity',
        'api_key.revoked_at: nullable "null" in the database, "not null" in the entity',
        'api_key.label: in the entity, not in the database',
        'api_key.claims: in the database, not in the entity',
        expect.stringMatching(
          /^shnor_list_decision: index shnor_list_decision_list_index is «.*\(list_id\)» in the database, «.*\("school_id"\)» in the entity$/,
        ),
      ]),
    );
    expect(result.differences).toHaveLength(5);
    expect(result.sql).toContain(`alter table "api_key" add column "label" text null`);
    expect(result.sql).toContain(`alter table "api_key" drop column "claims"`);
    // tables without an entity are no difference
    expect(result.sql).not.toMatch(/school_year_counts|reduction_state|data_version/);
  });
});
