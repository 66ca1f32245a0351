import { registerEnumType } from 'type-graphql';
import { Locality, SchoolType, Subject, SUBJECT_NAMES_RU } from '../../schema/enums.js';

registerEnumType(Subject, {
  name: 'Subject',
  description: 'Subject codes of DATA-FORMATS.md',
  valuesConfig: Object.fromEntries(Object.entries(SUBJECT_NAMES_RU).map(([k, v]) => [k, { description: v }])),
});
registerEnumType(SchoolType, { name: 'SchoolType', description: 'Тип ОО' });
registerEnumType(Locality, { name: 'Locality', description: 'Местность' });

export enum SchoolOrder {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(SchoolOrder, { name: 'SchoolOrder', description: 'Sort order of school lists' });

/** Dimensions a statistics query may group by (any combination). */
export enum StatisticsDimension {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  SCHOOL = 'SCHOOL',
  YEAR = 'YEAR',
  GRADE = 'GRADE',
  SUBJECT = 'SUBJECT',
}
registerEnumType(StatisticsDimension, { name: 'StatisticsDimension' });

export enum GiaExam {
  OGE = 'OGE',
  EGE = 'EGE',
}
registerEnumType(GiaExam, { name: 'GiaExam', description: 'ОГЭ (grade 9) or ЕГЭ (grade 11)' });

export { Locality, SchoolType, Subject };
