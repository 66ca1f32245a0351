import { ArgsType, Field, Int } from 'type-graphql';

/** Relay paging of every list: `first` rows (default and cap are settings) after the cursor `after`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
