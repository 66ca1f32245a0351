/**
 * SQL composed from safe fragments: the one way a statement with variable parts is built.
 *
 *   const older = sql`s.students > ${300}`;
 *   const query = sql`select s.id from school s ${sql.where([older, code ? sql`s.code = ${code}` : null])}`;
 *   compile(query); // { text: 'select s.id from school s where (s.students > $1) and (s.code = $2)', values: [300, code] }
 *   await db.query(query);
 *
 * Every `${…}` of the template is a value, sent to PostgreSQL as a parameter (`$n`) and never
 * spliced into the text — unless it is itself a fragment, whose text is nested and whose values are
 * renumbered after the ones before it. An array is one value (a PostgreSQL array: `= any(${ids})`).
 * The text of a statement therefore comes only from template literals written in the code, from
 * `sql.ident` (quoted identifiers) and from `sql.raw` (trusted text: constants of the code, never input).
 */

/** A piece of SQL: text around values; `texts` has one more element than `values`. */
export class Sql {
  readonly texts: readonly string[];
  readonly values: readonly unknown[];

  /** Use the `sql` tag and its helpers; the constructor takes pieces already checked. */
  private constructor(texts: string[], values: unknown[]) {
    this.texts = Object.freeze(texts);
    this.values = Object.freeze(values);
    Object.freeze(this);
  }

  /** @internal Text pieces and the interpolations between them: fragments nest, anything else is a value. */
  static of(strings: readonly string[], interpolations: readonly unknown[]): Sql {
    const texts: string[] = [strings[0] ?? ''];
    const values: unknown[] = [];
    interpolations.forEach((item, i) => {
      const after = strings[i + 1] ?? '';
      if (item instanceof Sql) {
        texts[texts.length - 1] += item.texts[0] ?? '';
        item.values.forEach((value, j) => {
          values.push(value);
          texts.push(item.texts[j + 1] ?? '');
        });
        texts[texts.length - 1] += after;
        return;
      }
      if (item === undefined) {
        // an absent optional argument is a bug of the caller, not a NULL: say so rather than guess
        throw new TypeError(`sql: interpolation ${i + 1} is undefined (use null for SQL NULL)`);
      }
      values.push(item);
      texts.push(after);
    });
    return new Sql(texts, values);
  }
}

export function isSql(value: unknown): value is Sql {
  return value instanceof Sql;
}

/** A statement as node-postgres takes it. */
export interface Compiled {
  text: string;
  values: unknown[];
}

/** The fragment as one statement: values numbered `$1…$n` in the order they appear. */
export function compile(fragment: Sql): Compiled {
  let text = fragment.texts[0] ?? '';
  for (let i = 0; i < fragment.values.length; i += 1) text += `$${i + 1}${fragment.texts[i + 1] ?? ''}`;
  return { text, values: [...fragment.values] };
}

function tag(strings: TemplateStringsArray, ...interpolations: unknown[]): Sql {
  // Only a template literal has `raw`: a string passed as `sql(text)` would make input into SQL text.
  if (!Array.isArray(strings) || !Array.isArray((strings as { raw?: unknown }).raw)) {
    throw new TypeError('sql must be used as a tagged template: sql`…`');
  }
  return Sql.of(strings, interpolations);
}

/** Trusted text as SQL (a constant of the code: a column list, an operator); never input. */
function raw(text: string): Sql {
  return Sql.of([text], []);
}

const EMPTY = raw('');

/** A quoted identifier, dotted when given several parts: `ident('s', 'id')` → `"s"."id"`. */
function ident(...names: string[]): Sql {
  if (names.length === 0) throw new TypeError('sql.ident: no name');
  const quoted = names.map((name) => {
    if (name.length === 0 || name.includes('\u0000')) throw new TypeError(`sql.ident: bad name «${name}»`);
    return `"${name.replace(/"/g, '""')}"`;
  });
  return raw(quoted.join('.'));
}

/** The fragments one after another with `separator` (trusted text) between them; none gives empty. */
function join(fragments: readonly Sql[], separator = ', '): Sql {
  if (fragments.length === 0) return EMPTY;
  const strings = ['', ...fragments.slice(1).map(() => separator), ''];
  return Sql.of(strings, fragments);
}

type Condition = Sql | null | undefined | false;

const present = (conditions: readonly Condition[]) => conditions.filter((c): c is Sql => c instanceof Sql);

/** The conditions given (absent ones skipped), each in parentheses, joined with `and`; none is `true`. */
function and(conditions: readonly Condition[]): Sql {
  const given = present(conditions);
  if (given.length === 0) return raw('true');
  if (given.length === 1) return given[0] as Sql;
  return join(
    given.map((c) => tag`(${c})`),
    ' and ',
  );
}

/** `where` and the conditions given (absent ones skipped), or nothing when there is none. */
function where(conditions: readonly Condition[]): Sql {
  const given = present(conditions);
  return given.length === 0 ? EMPTY : tag`where ${and(given)}`;
}

/**
 * `expression` is one of the values: `= any($n)` with them as one array parameter; one value is
 * `= $n` (PostgreSQL plans `in (x)` as `= x`, and derives equalities across joins from it); no value
 * is `false` (matches nothing).
 */
function anyOf(expression: Sql, values: readonly unknown[]): Sql {
  if (values.length === 0) return raw('false');
  if (values.length === 1) return tag`${expression} = ${values[0]}`;
  return tag`${expression} = any(${[...values]})`;
}

/**
 * The tag and its helpers: `sql\`…\``, `sql.raw`, `sql.ident`, `sql.join`, `sql.empty`, `sql.and`,
 * `sql.where`, `sql.in`.
 */
export const sql = Object.assign(tag, {
  raw,
  ident,
  join,
  empty: EMPTY,
  and,
  where,
  in: anyOf,
});
