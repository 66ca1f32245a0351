import { ArgsType, Field, Int } from 'type-graphql';
import { MethodologyArgs } from './methodology.args.js';
import { PlaceFilter } from './place-filter.input.js';

/** The arguments of every analytics question over places: the list year, the methodology, the places. */
@ArgsType()
export class AnalyticsArgs extends MethodologyArgs {
  @Field(() => Int)
  year!: number;

  @Field(() => PlaceFilter, {
    nullable: true,
    description: 'Which places (none: every place in the viewer’s scope)',
  })
  filter?: PlaceFilter;
}
