import { Migration } from '@mikro-orm/migrations';

/**
 * Methodology versions as data, the data version that keys analytics caches, and the reductions
 * maintained when data changes (so that analytics queries read schools × years rows, not raw results).
 */
export class Migration20261123010000Analytics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "methodology_version" (
      "name" text primary key check ("name" ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
      "description" text not null default '',
      "based_on" text null references "methodology_version" ("name"),
      "params" jsonb not null,
      "hash" text not null,
      "created_at" timestamptz not null default now(),
      "created_by" text not null)`);

    this.addSql(`create table "data_version" (
      "id" smallint primary key default 1 check ("id" = 1),
      "version" bigint not null,
      "changed_at" timestamptz not null default now())`);
    this.addSql(`insert into "data_version" ("id", "version") values (1, 1)`);

    // Pooled counts per school × year over one set of subjects (keyed by the set's hash).
    this.addSql(`create table "school_year_counts" (
      "set_key" text not null,
      "school_id" int not null references "school" ("id") on delete cascade,
      "year" smallint not null,
      "vpr_n2" int not null, "vpr_n" int not null,
      "oge_n2" int not null, "oge_n" int not null,
      "ege_below" int not null, "ege_n" int not null,
      primary key ("set_key", "year", "school_id"))`);

    // Region totals of ВПР per (year, grade, subject): the comparison base of the markers.
    this.addSql(`create table "vpr_region_cell" (
      "region_id" int not null references "region" ("id") on delete cascade,
      "year" smallint not null, "grade" smallint not null, "subject" "subject" not null,
      "participants" bigint not null, "n2" bigint not null, "n3" bigint not null, "n4" bigint not null, "n5" bigint not null,
      primary key ("region_id", "year", "grade", "subject"))`);

    // Objectivity markers computed for one marker parameter set (keyed by its hash).
    this.addSql(`create table "objectivity_marker" (
      "params_key" text not null,
      "school_id" int not null references "school" ("id") on delete cascade,
      "year" smallint not null, "grade" smallint not null, "subject" "subject" not null,
      "code" text not null,
      "value" double precision not null, "threshold" double precision not null, "region_value" double precision null,
      "detail" text not null,
      primary key ("params_key", "school_id", "year", "grade", "subject", "code"))`);
    this.addSql(
      `create index "objectivity_marker_year_index" on "objectivity_marker" ("params_key", "year")`,
    );

    // Survey/context indicators of a school × year in one row (the risk profile reads 40 000 rows, not 1 M).
    this.addSql(`create table "school_year_indicators" (
      "school_id" int not null references "school" ("id") on delete cascade,
      "year" smallint not null,
      "values" jsonb not null,
      primary key ("year", "school_id"))`);

    // Which reductions are fresh for which data version.
    this.addSql(`create table "reduction_state" (
      "kind" text not null, "key" text not null, "data_version" bigint not null,
      "built_at" timestamptz not null default now(), "milliseconds" int not null,
      primary key ("kind", "key"))`);
  }

  override async down(): Promise<void> {
    for (const t of [
      'reduction_state',
      'school_year_indicators',
      'objectivity_marker',
      'vpr_region_cell',
      'school_year_counts',
      'data_version',
      'methodology_version',
    ]) {
      this.addSql(`drop table if exists "${t}" cascade`);
    }
  }
}
