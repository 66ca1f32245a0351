import { Migration } from '@mikro-orm/migrations';

/**
 * The search of best practices (SUPPORT-V1 §1: a hit contains every query word, lower case and
 * ё = е, in title + text + tags; issue 12 item 7), exact and fast — an inverted index of tokens:
 * - `support_search_normal(text)`: the one normalisation, for the practices and for the query
 *   words alike — lower(), then ё → е; the uppercase Cyrillic letters are mapped explicitly as
 *   well, so that the rule does not depend on the database's LC_CTYPE (under the C locale lower()
 *   changes ASCII only);
 * - `best_practice_search_tokens(title, text, tags)`: the distinct tokens of the normalised title,
 *   text and tags, split at space, tab, CR and LF. Exact for the rule: the API splits a query at
 *   every whitespace (those four included), so a query word occurs in title + text + tags iff it
 *   occurs inside one of their tokens (and never spans title and text);
 * - `best_practice_token` (token, practice): the postings, kept by the trigger
 *   `best_practice_search_refresh` on every insert and every change of title, text or tags, and
 *   removed with their practice; `best_practice_vocabulary`: every token ever posted, with a trigram
 *   GIN index (pg_trgm, a trusted extension since PostgreSQL 13). A word is found as the tokens of
 *   the vocabulary `like '%word%'` (short strings, the index narrows and `like` decides), then their
 *   postings by the primary key. A token no longer posted stays in the vocabulary, matching nothing.
 * Derived tables, like the reductions of analytics/sql/: no entity; a seed reload truncates them
 * with best_practice (cascade; the vocabulary then only holds tokens that match nothing).
 */
export class Migration20261202040000BestPracticeSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists "pg_trgm"`);
    this.addSql(`create function "support_search_normal"(value text) returns text
      language sql immutable strict parallel safe as $$
        select translate(lower(value),
          'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯё',
          'абвгдеежзийклмнопрстуфхцчшщъыьэюяе')
      $$`);
    this
      .addSql(`create function "best_practice_search_tokens"(title text, body text, tags text[]) returns text[]
      language sql immutable parallel safe as $$
        select coalesce(array_agg(distinct token), '{}')
        from regexp_split_to_table(support_search_normal(coalesce(title, '') || E'\\n' || coalesce(body, '') ||
          E'\\n' || coalesce(array_to_string(tags, E'\\n'), '')), '[ \\t\\n\\r]+') as token
        where token <> ''
      $$`);
    this.addSql(`create table "best_practice_vocabulary" ("token" text primary key)`);
    this.addSql(`create index "best_practice_vocabulary_trgm_index" on "best_practice_vocabulary"
      using gin ("token" gin_trgm_ops)`);
    this.addSql(`create table "best_practice_token" (
      "token" text not null,
      "practice_id" bigint not null references "best_practice" ("id") on delete cascade,
      primary key ("token", "practice_id"))`);
    this.addSql(
      `create index "best_practice_token_practice_id_index" on "best_practice_token" ("practice_id")`,
    );
    this.addSql(`create function "best_practice_search_refresh"() returns trigger language plpgsql as $$
      declare
        tokens text[] := best_practice_search_tokens(new.title, new.text, new.tags);
      begin
        delete from best_practice_token where practice_id = new.id;
        insert into best_practice_vocabulary (token) select unnest(tokens) on conflict do nothing;
        insert into best_practice_token (token, practice_id) select unnest(tokens), new.id;
        return null;
      end $$`);
    this.addSql(`create trigger "best_practice_search_refresh"
      after insert or update of "title", "text", "tags" on "best_practice"
      for each row execute function "best_practice_search_refresh"()`);
    this.addSql(`insert into "best_practice_token" ("token", "practice_id")
      select unnest(best_practice_search_tokens("title", "text", "tags")), "id" from "best_practice"`);
    this.addSql(`insert into "best_practice_vocabulary" ("token")
      select distinct "token" from "best_practice_token"`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "best_practice_search_refresh" on "best_practice"`);
    this.addSql(`drop function if exists "best_practice_search_refresh"()`);
    this.addSql(`drop table if exists "best_practice_token"`);
    this.addSql(`drop table if exists "best_practice_vocabulary"`);
    this.addSql(`drop function if exists "best_practice_search_tokens"(text, text, text[])`);
    this.addSql(`drop function if exists "support_search_normal"(text)`);
    // pg_trgm stays: an extension may serve others.
  }
}
