import { GraphQLJSON } from 'graphql-scalars';
import { describedValues } from '../enum-values.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportStatus {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ImportStatus, {
  name: 'ImportStatus',
  valuesConfig: describedValues('ImportStatus'),
  description: 'ACCEPTED: every row stored; REJECTED: nothing stored (a bad row, or an unreadable file)',
});

@ObjectType('Import', {
  simpleResolvers: true,
  description: 'One file import (CLI or upload): who, when, which file, what it did',
})
export class ImportType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field({ description: 'Who imported: the token subject, or cli:<user>' }) actor!: string;
  @Field() role!: string;
  @Field({ description: 'schools, vpr, oge, ege or indicators' }) kind!: string;
  @Field() fileName!: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the file bytes (hex)' })
  checksum!: string | null;
  @Field(() => ImportStatus) status!: ImportStatus;
  @Field(() => Int, { description: 'Data rows read' }) rows!: number;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int, { description: 'Rows refused (a refused file stores nothing)' }) badRows!: number;
  @Field(() => GraphQLJSON, {
    description: 'The first 1 000 bad rows: line, column, value, reason { ru en }',
  })
  errors!: unknown;
  @Field(() => Int, { description: 'The data version after the import' }) dataVersion!: number;
  @Field(() => Int) milliseconds!: number;
}
