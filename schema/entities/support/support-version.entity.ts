import { Check, Entity, ManyToOne, type Opt, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * A stored support-system parameter version (SUPPORT-V1.md; analytics/support/params.ts), as
 * methodology_version stores the methodology: named, immutable, `params` the full set, `hash` its
 * paramsHash. `support-v1` is inserted by Migration20261202032234SupportModel, so results can name it.
 */
@Entity({ tableName: 'support_version' })
@Check({ name: 'support_version_name_check', expression: `name ~ '^[a-z0-9][a-z0-9._-]{1,63}$'` })
export class SupportVersion {
  [PrimaryKeyProp]?: 'name';

  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  @ManyToOne(() => SupportVersion, {
    fieldName: 'based_on',
    nullable: true,
    foreignKeyName: 'support_version_based_on_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
    index: true,
  })
  basedOn?: SupportVersion | null;

  @Property({ type: 'json' })
  params!: object;

  @Property({ type: 'text' })
  hash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'text' })
  createdBy!: string;
}
