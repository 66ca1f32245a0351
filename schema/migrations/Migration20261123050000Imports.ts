import { Migration } from '@mikro-orm/migrations';

/** Every file import, accepted or refused: who, when, which file (SHA-256), what it changed. */
export class Migration20261123050000Imports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "import_log" (
      "id" bigserial primary key,
      "at" timestamptz not null default now(),
      "actor" text not null,
      "role" text not null,
      "scope" jsonb not null,
      "kind" text not null,
      "file_name" text not null,
      "checksum" text,
      "status" text not null check ("status" in ('ACCEPTED', 'REJECTED')),
      "rows" int not null default 0,
      "inserted" int not null default 0,
      "updated" int not null default 0,
      "unchanged" int not null default 0,
      "bad_rows" int not null default 0,
      "errors" jsonb not null default '[]'::jsonb,
      "data_version" bigint not null,
      "milliseconds" int not null)`);
    this.addSql(`create index "import_log_actor_index" on "import_log" ("actor", "id")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_log"`);
  }
}
