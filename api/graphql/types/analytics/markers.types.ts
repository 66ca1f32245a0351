import { Field, Int, ObjectType } from 'type-graphql';
import { Subject } from '../../enums.js';
import { connectionType } from '../page-info.type.js';
import { MethodologyRef } from './methodology.types.js';
import { ObjectivityMarkerType } from './shnor.types.js';

@ObjectType('ObjectivityMarkerCell', {
  simpleResolvers: true,
  description: 'A grade × subject of a school that carries markers',
})
export class ObjectivityMarkerCellType {
  @Field({ description: 'Column label, e.g. «4 РУ»' })
  column!: string;

  @Field(() => Int)
  grade!: number;

  @Field(() => Subject)
  subject!: Subject;

  @Field(() => [String], {
    description:
      'Distinct marker codes on the cell, in [METHODOLOGY-V1 §3](/docs/methodology#objectivity-markers) order',
  })
  codes!: string[];
}

@ObjectType('ObjectivityMarkerRow', {
  simpleResolvers: true,
  description: 'One school of the ФИС ОКО list «ОО с признаками необъективности» for one year',
})
export class ObjectivityMarkerRowType {
  schoolId!: number;

  @Field(() => [ObjectivityMarkerCellType], { description: 'Only the marked cells, in column order' })
  cells!: ObjectivityMarkerCellType[];

  @Field(() => Int, { description: '«Количество маркеров»: each code on each cell counts once' })
  markerCount!: number;

  @Field(() => [ObjectivityMarkerType], { description: 'Every marker with its figures' })
  markers!: ObjectivityMarkerType[];
}

const Page = connectionType(ObjectivityMarkerRowType, 'ObjectivityMarker', { extended: true });

@ObjectType({ simpleResolvers: true })
export class ObjectivityMarkerConnection extends Page {
  @Field(() => Int)
  year!: number;

  @Field(() => MethodologyRef)
  methodology!: MethodologyRef;

  @Field(() => Int, { description: 'Data version the answer was computed from' })
  dataVersion!: number;

  @Field(() => [String], {
    description: 'Grade × subject labels («4 РУ») that carry a marker in any row of the filter, all pages',
  })
  columns!: string[];
}
