import { Check, Entity, ManyToOne, type Opt, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * A stored methodology version: a named, immutable parameter set (analytics/methodology/params.ts),
 * based on another version. `params` is the full set, `hash` its paramsHash.
 */
@Entity({ tableName: 'methodology_version' })
@Check({ name: 'methodology_version_name_check', expression: `name ~ '^[a-z0-9][a-z0-9._-]{1,63}$'` })
export class MethodologyVersion {
  [PrimaryKeyProp]?: 'name';

  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: string & Opt = '';

  @ManyToOne(() => MethodologyVersion, {
    fieldName: 'based_on',
    nullable: true,
    foreignKeyName: 'methodology_version_based_on_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
  })
  basedOn?: MethodologyVersion | null;

  @Property({ type: 'json' })
  params!: object;

  @Property({ type: 'text' })
  hash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'text' })
  createdBy!: string;
}
