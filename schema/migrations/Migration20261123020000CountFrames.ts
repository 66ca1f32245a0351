import { Migration } from '@mikro-orm/migrations';

/**
 * The pooled counts of one subject set and year as one packed row (big-endian int32 columns):
 * a national list reads two rows instead of parsing 80 000.
 */
export class Migration20261123020000CountFrames extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "school_year_frame" (
      "set_key" text not null,
      "year" smallint not null,
      "schools" int not null,
      "frame" bytea not null,
      primary key ("set_key", "year"))`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "school_year_frame"`);
  }
}
