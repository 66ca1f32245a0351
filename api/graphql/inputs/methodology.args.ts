import { ArgsType, Field } from 'type-graphql';
import { DEFAULT_METHODOLOGY } from '../../../analytics/sql/methodologies.js';
import { MethodologyOverridesInput } from './methodology-overrides.input.js';

/** The two arguments every analytics query takes: which stored version, and what-if changes to it. */
@ArgsType()
export class MethodologyArgs {
  @Field(() => String, {
    defaultValue: DEFAULT_METHODOLOGY,
    description: 'A stored methodology version ([versions](/docs/methodology#versions-and-what-if))',
  })
  methodology: string = DEFAULT_METHODOLOGY;

  @Field(() => MethodologyOverridesInput, {
    nullable: true,
    description:
      'What-if: parameters changed for this request (every key: [parameters](/docs/methodology#parameters))',
  })
  overrides?: MethodologyOverridesInput;
}
