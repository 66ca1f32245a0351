import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Locality, SchoolType } from '../enums.js';
import { connectionType } from './page-info.type.js';

@ObjectType({ simpleResolvers: true, description: 'Образовательная организация (ОО)' })
export class School {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'ФИС ОКО login, the natural key of every file (e.g. sch561234)' })
  code!: string;

  @Field({ description: 'Full name' })
  name!: string;

  @Field(() => SchoolType)
  type!: SchoolType;

  @Field(() => Locality)
  locality!: Locality;

  @Field(() => Int, { description: 'Численность обучающихся' })
  students!: number;

  municipalityId!: number;
}

export const SchoolConnection = connectionType(School, 'School');
