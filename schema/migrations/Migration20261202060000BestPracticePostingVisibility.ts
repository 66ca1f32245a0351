import { Migration } from '@mikro-orm/migrations';

/**
 * The best-practice postings carry what decides whether a hit is visible and filtered: the
 * practice's `published`, `school_id` and `risk_factor`, in the primary key's INCLUDE. A search
 * then answers from the postings' index alone — who may read a hit, its risk factor, the count —
 * and reads best_practice only for the page (issue 12 item 7: a count of 4 000 hits read each
 * practice's row, ≈ 20 ms of the 50 ms goal). The trigger keeps them: it now also fires on a change
 * of those three columns (publishing is rare; every posting of the practice is written again).
 */
export class Migration20261202060000BestPracticePostingVisibility extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "best_practice_token"
      add column "published" boolean, add column "school_id" int, add column "risk_factor" smallint`);
    this.addSql(`update "best_practice_token" t set "published" = p."published", "school_id" = p."school_id",
      "risk_factor" = p."risk_factor" from "best_practice" p where p."id" = t."practice_id"`);
    this.addSql(`alter table "best_practice_token"
      alter column "published" set not null, alter column "school_id" set not null`);
    this.addSql(`alter table "best_practice_token" drop constraint "best_practice_token_pkey",
      add constraint "best_practice_token_pkey" primary key ("token", "practice_id")
        include ("published", "school_id", "risk_factor")`);
    this
      .addSql(`create or replace function "best_practice_search_refresh"() returns trigger language plpgsql as $$
      declare
        tokens text[] := best_practice_search_tokens(new.title, new.text, new.tags);
      begin
        delete from best_practice_token where practice_id = new.id;
        insert into best_practice_vocabulary (token) select unnest(tokens) on conflict do nothing;
        insert into best_practice_token (token, practice_id, published, school_id, risk_factor)
          select unnest(tokens), new.id, new.published, new.school_id, new.risk_factor;
        return null;
      end $$`);
    this.addSql(`drop trigger "best_practice_search_refresh" on "best_practice"`);
    this.addSql(`create trigger "best_practice_search_refresh"
      after insert or update of "title", "text", "tags", "published", "school_id", "risk_factor" on "best_practice"
      for each row execute function "best_practice_search_refresh"()`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "best_practice_search_refresh" on "best_practice"`);
    this.addSql(`create trigger "best_practice_search_refresh"
      after insert or update of "title", "text", "tags" on "best_practice"
      for each row execute function "best_practice_search_refresh"()`);
    this
      .addSql(`create or replace function "best_practice_search_refresh"() returns trigger language plpgsql as $$
      declare
        tokens text[] := best_practice_search_tokens(new.title, new.text, new.tags);
      begin
        delete from best_practice_token where practice_id = new.id;
        insert into best_practice_vocabulary (token) select unnest(tokens) on conflict do nothing;
        insert into best_practice_token (token, practice_id) select unnest(tokens), new.id;
        return null;
      end $$`);
    this.addSql(`alter table "best_practice_token" drop constraint "best_practice_token_pkey",
      add constraint "best_practice_token_pkey" primary key ("token", "practice_id")`);
    this.addSql(`alter table "best_practice_token"
      drop column "published", drop column "school_id", drop column "risk_factor"`);
  }
}
