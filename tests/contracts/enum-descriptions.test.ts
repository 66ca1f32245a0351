import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../api/graphql/schema.js';

describe('enum values (issue 10)', () => {
  it('every value of every enum of the API carries a description (api/graphql/enum-values.ts)', async () => {
    const schema = await buildApiSchema();
    const missing = Object.values(schema.getTypeMap())
      .filter(isEnumType)
      .filter((type) => !type.name.startsWith('__'))
      .flatMap((type) =>
        type
          .getValues()
          .filter((v) => !v.description)
          .map((v) => `${type.name}.${v.name}`),
      );
    expect(missing).toEqual([]);
  });
});
