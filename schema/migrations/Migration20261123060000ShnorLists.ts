import { Migration } from '@mikro-orm/migrations';

/**
 * The annual ШНОР list (issue 5): a snapshot of a region's candidates with their evidence, manual
 * decisions with their history, and the approval that freezes it. Snapshots are stored, never
 * recomputed, so no later load or methodology version changes an approved list.
 */
export class Migration20261123060000ShnorLists extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "shnor_list" (
      "id" bigserial primary key,
      "year" smallint not null,
      "region_id" int not null references "region" ("id") on delete cascade,
      "status" text not null default 'DRAFT' check ("status" in ('DRAFT', 'APPROVED', 'PUBLISHED')),
      "methodology_name" text not null,
      "methodology_hash" text not null,
      "methodology_params" jsonb not null,
      "data_version" bigint not null,
      "previous_list_id" bigint null references "shnor_list" ("id"),
      "created_by" text not null,
      "created_at" timestamptz not null default now(),
      "approved_by" text null,
      "approved_at" timestamptz null,
      "published_by" text null,
      "published_at" timestamptz null)`);
    // Drafts may be many (e.g. one per methodology, to compare); the list of a year and region is one.
    this.addSql(`create unique index "shnor_list_one_approved" on "shnor_list" ("year", "region_id")
      where "status" <> 'DRAFT'`);

    this.addSql(`create table "shnor_list_entry" (
      "list_id" bigint not null references "shnor_list" ("id") on delete cascade,
      "school_id" int not null references "school" ("id") on delete cascade,
      "position" int not null,
      "school_code" text not null,
      "school_name" text not null,
      "municipality_id" int not null,
      "status" text not null,
      "exit_candidate" boolean not null,
      "previously_listed" boolean not null,
      "evidence" jsonb not null,
      "decision" text null check ("decision" in ('INCLUDE', 'EXCLUDE')),
      "justification" text null,
      "decided_by" text null,
      "decided_at" timestamptz null,
      primary key ("list_id", "school_id"))`);

    // Every decision ever made, also those overwritten while the list was a draft.
    this.addSql(`create table "shnor_list_decision" (
      "id" bigserial primary key,
      "list_id" bigint not null,
      "school_id" int not null,
      "decision" text not null check ("decision" in ('INCLUDE', 'EXCLUDE')),
      "justification" text not null,
      "decided_by" text not null,
      "decided_at" timestamptz not null default now(),
      foreign key ("list_id", "school_id") references "shnor_list_entry" ("list_id", "school_id") on delete cascade)`);
    this.addSql(`create index "shnor_list_decision_list_index" on "shnor_list_decision" ("list_id")`);

    // Bumped by every approval: EXIT candidates of y read the approved lists of y − 1, so the
    // cached computation of a year is keyed by it as well as by the data version.
    this.addSql(`alter table "data_version" add column "lists_version" bigint not null default 0`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "data_version" drop column if exists "lists_version"`);
    for (const t of ['shnor_list_decision', 'shnor_list_entry', 'shnor_list']) {
      this.addSql(`drop table if exists "${t}" cascade`);
    }
  }
}
