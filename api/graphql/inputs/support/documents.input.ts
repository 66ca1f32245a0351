import { Field, InputType, Int } from 'type-graphql';
import { DocumentStatus, SchoolDocumentKind } from '../../../../schema/enums.js';
import { PlaceFilter } from '../place-filter.input.js';

@InputType({
  description: 'Which school documents: the places of PlaceFilter, a list year, kinds, current statuses',
})
export class SchoolDocumentFilter extends PlaceFilter {
  @Field(() => Int, { nullable: true, description: 'The list year the documents are written for' })
  listYear?: number;

  @Field(() => [SchoolDocumentKind], { nullable: true })
  kinds?: SchoolDocumentKind[];

  @Field(() => [DocumentStatus], { nullable: true, description: 'The current status (the last record)' })
  statuses?: DocumentStatus[];
}

@InputType({ description: 'A new school document; it starts as DRAFT' })
export class CreateSchoolDocumentInput {
  @Field({ description: 'The school (its code); a school writes its own documents only' })
  schoolCode!: string;

  @Field(() => Int)
  listYear!: number;

  @Field(() => SchoolDocumentKind)
  kind!: SchoolDocumentKind;

  @Field(() => Int, {
    nullable: true,
    description: 'k of Rk (1..10): required for an ANTI_RISK_PROGRAMME, refused for others',
  })
  riskFactor?: number;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'An http or https link to the file' })
  fileUrl?: string;
}
