import { Entity, Enum, ManyToOne, PrimaryKey, Property, Check } from '@mikro-orm/core';
import { Locality, SchoolType } from '../enums.js';
import { Municipality } from './municipality.entity.js';

/** A school (ОО). `code` is its ФИС ОКО login, the natural key every file refers to. */
@Entity({ tableName: 'school' })
@Check({ name: 'school_students_check', expression: 'students >= 0' })
export class School {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text', index: true })
  name!: string;

  @ManyToOne(() => Municipality, { deleteRule: 'restrict', index: true })
  municipality!: Municipality;

  @Enum({ items: () => SchoolType, nativeEnumName: 'school_type' })
  type!: SchoolType;

  @Enum({ items: () => Locality, nativeEnumName: 'locality' })
  locality!: Locality;

  @Property({ type: 'integer' })
  students!: number;
}
