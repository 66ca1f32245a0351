import { Migration } from '@mikro-orm/migrations';

/** Who changed what, when, with which scope: every mutation (and later every export) writes a row. */
export class Migration20261123030000AuditLog extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" (
      "id" bigserial primary key,
      "at" timestamptz not null default now(),
      "actor" text not null,
      "role" text not null,
      "scope" jsonb not null,
      "action" text not null,
      "target" text not null,
      "details" jsonb not null default '{}'::jsonb)`);
    this.addSql(`create index "audit_log_at_index" on "audit_log" ("at")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log"`);
  }
}
