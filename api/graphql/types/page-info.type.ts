import { Field, Int, ObjectType } from 'type-graphql';
import { type ClassType } from 'type-graphql';
import { decodeCursor, encodeCursor } from '../../pagination.js';

@ObjectType({ simpleResolvers: true, description: 'Relay page info' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** What list resolvers return; `totalCount` runs its count query only when the client asks for it. */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: the count query runs only when the client selects the field. */
  readonly totalCount: Promise<number>;
}

/**
 * A Relay connection type for `Item`, named `<name>Connection` with `<name>Edge`. `extended`: a
 * class extends it with fields of its own and takes the name `<name>Connection` itself; the base,
 * never reachable from the schema, gets another name so the two cannot clash.
 */
export function connectionType<T extends object>(
  Item: ClassType<T>,
  name: string,
  { extended = false } = {},
) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Item)
    node!: T;
  }

  @ObjectType(extended ? `${name}ConnectionFields` : `${name}Connection`, { simpleResolvers: true })
  class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [Item], { description: 'The nodes of the edges, for clients that need no cursors' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter in the viewer’s scope, all pages' })
    totalCount!: number;
  }
  return Connection;
}

/** Builds a connection from a page fetched with one extra row (which tells whether a next page exists). */
export function toConnection<T>(
  rows: T[],
  size: number,
  hadCursor: boolean,
  cursorOf: (row: T, index: number) => string,
  totalCount: () => Promise<number>,
): ConnectionResult<T> {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node, index) => ({ cursor: cursorOf(node, index), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      counted ??= totalCount();
      return counted;
    },
  };
}

/**
 * One page of rows already computed and sorted in memory (analytics answers): the cursor is the
 * offset, and only the page's rows are turned into their GraphQL view.
 */
export function arrayPage<T, V>(
  rows: readonly T[],
  size: number,
  after: string | null | undefined,
  view: (row: T) => V,
): ConnectionResult<V> {
  const offset = after ? Number(decodeCursor(after, ['int'])[0]) : 0;
  const page = rows.slice(offset, offset + size + 1).map(view);
  return toConnection(
    page,
    size,
    Boolean(after),
    (_row, i) => encodeCursor([offset + i + 1]),
    async () => rows.length,
  );
}
