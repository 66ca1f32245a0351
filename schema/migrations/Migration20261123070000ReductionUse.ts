import { Migration } from '@mikro-orm/migrations';

/**
 * When each reduction was last read (issue 9): what-if reductions beyond WHATIF_KEEP are evicted
 * least recently used first; those of stored methodology versions never are.
 */
export class Migration20261123070000ReductionUse extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "reduction_state" add column "last_used_at" timestamptz not null default now()`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reduction_state" drop column if exists "last_used_at"`);
  }
}
