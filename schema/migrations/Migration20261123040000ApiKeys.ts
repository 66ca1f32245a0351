import { Migration } from '@mikro-orm/migrations';

/** API keys of BI service accounts: only a hash is stored; each key is bound to a role and a scope. */
export class Migration20261123040000ApiKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "api_key" (
      "id" serial primary key,
      "name" text not null unique,
      "hash" text not null unique,
      "claims" jsonb not null,
      "created_at" timestamptz not null default now(),
      "revoked_at" timestamptz null)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key"`);
  }
}
