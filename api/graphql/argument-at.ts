import { type ASTNode, Kind, parse, visit } from 'graphql';

type Named = Extract<ASTNode, { kind: Kind.ARGUMENT | Kind.OBJECT_FIELD }>;

function isNamedValue(node: unknown): node is Named {
  const kind = (node as { kind?: unknown } | null)?.kind;
  return kind === Kind.ARGUMENT || kind === Kind.OBJECT_FIELD;
}

/**
 * The argument (a dotted path into input objects) whose literal value a validation error points at,
 * found by position in the operation's source: graphql-js reports the value node, not its argument.
 */
export interface LocatedError {
  nodes?: readonly { loc?: { start: number } }[];
  source?: { body: string };
}

export function argumentAt(error: LocatedError): string | undefined {
  const start = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (start === undefined || body === undefined) return undefined;
  let found: string | undefined;
  try {
    visit(parse(body), {
      enter(node, _key, _parent, _path, ancestors) {
        if (!node.loc || start < node.loc.start || start >= node.loc.end) return false;
        if (isNamedValue(node)) {
          const names = [...ancestors, node].filter(isNamedValue).map((n) => n.name.value);
          found = names.join('.');
        }
        return undefined;
      },
    });
  } catch {
    return undefined;
  }
  return found;
}
