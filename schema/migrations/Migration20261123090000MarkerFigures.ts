import { Migration } from '@mikro-orm/migrations';

/**
 * Each objectivity marker keeps its own figures as numbers (issue 10), beside the Russian `detail`.
 * Markers stored before have none: they are dropped with their reduction state, so the next
 * analytics request rebuilds them (ensureReductions) with figures.
 */
export class Migration20261123090000MarkerFigures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "objectivity_marker" add column "figures" jsonb not null default '{}'`);
    this.addSql(`delete from "objectivity_marker"`);
    this.addSql(`delete from "reduction_state" where "kind" = 'markers'`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "objectivity_marker" drop column if exists "figures"`);
  }
}
