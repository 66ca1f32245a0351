import { registerEnumType } from 'type-graphql';
import { describedValues } from './enum-values.js';
import { Locality, SchoolType, Subject } from '../../schema/enums.js';

registerEnumType(Subject, {
  name: 'Subject',
  description: 'Subject codes of the import files ([DATA-FORMATS](/docs/data-formats#subjects))',
  valuesConfig: describedValues('Subject'),
});
registerEnumType(SchoolType, {
  name: 'SchoolType',
  valuesConfig: describedValues('SchoolType'),
  description: 'Тип ОО',
});
registerEnumType(Locality, {
  name: 'Locality',
  valuesConfig: describedValues('Locality'),
  description: 'Местность',
});

/** The level an aggregate of places is grouped at: one row per region, or per municipality. */
export enum PlaceGroupBy {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
}
registerEnumType(PlaceGroupBy, {
  name: 'PlaceGroupBy',
  valuesConfig: describedValues('PlaceGroupBy'),
  description: 'One row per region or per municipality',
});

export enum SchoolOrder {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(SchoolOrder, {
  name: 'SchoolOrder',
  valuesConfig: describedValues('SchoolOrder'),
  description: 'Sort order of school lists',
});

/** Dimensions a statistics query may group by (any combination). */
export enum StatisticsDimension {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  SCHOOL = 'SCHOOL',
  YEAR = 'YEAR',
  GRADE = 'GRADE',
  SUBJECT = 'SUBJECT',
}
registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  valuesConfig: describedValues('StatisticsDimension'),
});

export enum GiaExam {
  OGE = 'OGE',
  EGE = 'EGE',
}
registerEnumType(GiaExam, {
  name: 'GiaExam',
  valuesConfig: describedValues('GiaExam'),
  description: 'ОГЭ (grade 9) or ЕГЭ (grade 11)',
});

export { Locality, SchoolType, Subject };
