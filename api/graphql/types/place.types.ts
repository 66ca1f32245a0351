import { Field, ID, ObjectType } from 'type-graphql';
import { connectionType } from './page-info.type.js';

@ObjectType({ simpleResolvers: true, description: 'Субъект РФ' })
export class Region {
  @Field(() => ID)
  id!: number;

  @Field({ description: 'Two-digit code of the субъект (56 = Оренбургская область)' })
  code!: string;

  @Field()
  name!: string;

  @Field({
    description: 'IANA time zone of the region (e.g. «Asia/Yekaterinburg»): exports show dates in it',
  })
  timeZone!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Муниципальное образование (район, городской округ) or a territorial управление',
})
export class Municipality {
  @Field(() => ID)
  id!: number;

  @Field()
  name!: string;

  regionId!: number;
}

export const RegionConnection = connectionType(Region, 'Region');
export const MunicipalityConnection = connectionType(Municipality, 'Municipality');
