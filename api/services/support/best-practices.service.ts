import { SCHOOL_SCOPE, scopeCondition } from '../../../db/scope.js';
import { sql, type Sql } from '../../../db/sql.js';
import { AuditLogEntry, BestPractice } from '../../../schema/entities/index.js';
import { RISK_FACTOR_MAX, RISK_FACTOR_MIN } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PageArgs } from '../../graphql/inputs/page.args.js';
import {
  asBadInput,
  badInputWith,
  pageById,
  placeOf,
  requiredText,
  rowId,
  SCHOOL_PLACE_COLUMNS,
  type SchoolPlace,
  schoolByCode,
} from './documents-common.js';

/**
 * Best practices (лучшие практики, SUPPORT-V1 §1): written and published by their school
 * (`support.schoolWork`); every role but PUBLIC reads the published ones, and the unpublished ones
 * of its scope.
 *
 * **The search rule, exactly**: the query is split at whitespace into words; a practice is a hit
 * when every word, normalised, is contained in its normalised title + text + tags; hits are ordered
 * by id. Normalised = `support_search_normal` (lower case, ё → е), one SQL function applied to the
 * practices and to the words alike, so both sides of the comparison are the same function's output.
 * The practices are kept as an inverted index of their distinct tokens (split at space, tab, CR,
 * LF; Migration20261202040000BestPracticeSearch, kept by a trigger on every write): a word without
 * whitespace is contained in the text iff it is contained in one of its tokens, so each word is one
 * condition «the practice has a token `like '%word%'`» (the word's `\`, `%` and `_` escaped, so
 * `like` is plain containment). The tokens are found in the vocabulary (short strings, a trigram
 * index narrows, `like` decides), their practices by the postings' primary key, which also carries
 * each practice's `published`, school and risk factor (Migration20261202060000…): who may read a
 * hit, the filter and the count come from the index; nothing is approximate, and the answer is the
 * rule's whatever the planner chooses.
 */

/** More words than this in one search is a mistake, not a question (each is a condition). */
export const SEARCH_MAX_WORDS = 32;

export interface BestPracticeRow {
  id: string;
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  title: string;
  text: string;
  tags: string[];
  riskFactor: number | null;
  published: boolean;
  createdAt: Date;
}

const PRACTICES = sql`best_practice p join school s on s.id = p.school_id
  join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id`;

const PRACTICE_COLUMNS = sql`p.id::text as id, s.id as "schoolId", s.code as "schoolCode", s.name as "schoolName",
  p.title, p.text, p.tags, p.risk_factor as "riskFactor", p.published, p.created_at as "createdAt"`;

/** The words of a search: split at whitespace, empty ones dropped. */
export function searchWords(search: string | null | undefined): string[] {
  return (search ?? '').split(/\s+/u).filter((w) => w.length > 0);
}

/** `like` matches a word literally: its own wildcards and the escape character escaped. */
const likeLiteral = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Who may read a posting's practice, from the posting itself: published, or of a school in the
 * viewer's scope (the scope's schools found once, a hashed subplan; the ministry's: every school).
 */
function visiblePosting(ctx: Context): Sql {
  if (ctx.viewer.scope.kind === 'ALL') return sql`true`;
  return sql`(t.published or t.school_id in (select s.id from school s join municipality m on m.id = s.municipality_id
    where ${scopeCondition(ctx.viewer, SCHOOL_SCOPE, 'rows')}))`;
}

/**
 * The search rule as SQL: `with hits` the ids of the practices the viewer may read that hold every
 * word — per word, the tokens of the vocabulary `like '%word%'` and their postings, filtered by
 * what the postings carry (visibility, risk factor); the words' sets intersected — computed first
 * (`materialized`: the planner cannot walk all postings in id order hoping for an early hit). A
 * practice may post several tokens holding one word: `hits` may repeat an id (counted distinct).
 */
export function searchHits(words: readonly string[], filter: Sql): Sql {
  const perWord = words.map(
    (word) =>
      sql`select t.practice_id from best_practice_vocabulary v join best_practice_token t on t.token = v.token
        where v.token like '%' || support_search_normal(${likeLiteral(word)}) || '%' and ${filter}`,
  );
  return sql`with hits as materialized (${sql.join(perWord, ' intersect ')}) `;
}

function checkRiskFactor(argument: string, riskFactor: number | null | undefined): number | null {
  if (riskFactor === null || riskFactor === undefined) return null;
  if (!Number.isInteger(riskFactor) || riskFactor < RISK_FACTOR_MIN || riskFactor > RISK_FACTOR_MAX) {
    throw badUserInput(
      argument,
      `${argument}: a risk factor is ${RISK_FACTOR_MIN}..${RISK_FACTOR_MAX} (R1..R10), got ${riskFactor}`,
    );
  }
  return riskFactor;
}

/** `bestPractices`: the search over the practices the viewer may read, by id. */
export function bestPractices(
  ctx: Context,
  search: string | null | undefined,
  riskFactor: number | null | undefined,
  page: PageArgs,
) {
  authorize(ctx.viewer, 'support.read');
  const words = searchWords(search);
  if (words.length > SEARCH_MAX_WORDS) {
    throw badUserInput('search', `search: ${words.length} words, more than the ${SEARCH_MAX_WORDS} accepted`);
  }
  const factor = checkRiskFactor('riskFactor', riskFactor);
  if (words.length > 0) return searchPractices(ctx, words, factor, page);
  const where: (Sql | null)[] = [
    sql`p.published or ${scopeCondition(ctx.viewer, SCHOOL_SCOPE, 'rows')}`,
    factor === null ? null : sql`p.risk_factor = ${factor}`,
  ];
  return pageById(
    ctx,
    page,
    (after, limit) =>
      ctx.db.query<BestPracticeRow>(
        sql`select ${PRACTICE_COLUMNS} from ${PRACTICES} ${sql.where([...where, after])} order by p.id limit ${limit}`,
      ),
    async () => {
      const [row] = await ctx.db.query<{ n: number }>(
        sql`select count(*)::int as n from ${PRACTICES} ${sql.where(where)}`,
      );
      return row?.n ?? 0;
    },
    sql`p.id`,
  );
}

/** A search: the page and the count from the postings' index; best_practice read for the page only. */
function searchPractices(ctx: Context, words: readonly string[], factor: number | null, page: PageArgs) {
  const hits = searchHits(
    words,
    sql.and([visiblePosting(ctx), factor === null ? null : sql`t.risk_factor = ${factor}`]),
  );
  return pageById(
    ctx,
    page,
    (after, limit) =>
      ctx.db.query<BestPracticeRow>(
        sql`${hits}select ${PRACTICE_COLUMNS} from (select distinct h.practice_id from hits h
            ${sql.where([after])} order by h.practice_id limit ${limit}) h
          join ${PRACTICES} on p.id = h.practice_id order by p.id`,
      ),
    async () => {
      const [row] = await ctx.db.query<{ n: number }>(
        sql`${hits}select count(distinct practice_id)::int as n from hits`,
      );
      return row?.n ?? 0;
    },
    sql`h.practice_id`,
  );
}

async function practiceById(ctx: Context, id: string): Promise<BestPracticeRow> {
  const [row] = await ctx.db.query<BestPracticeRow>(
    sql`select ${PRACTICE_COLUMNS} from ${PRACTICES} where p.id = ${id}::bigint`,
  );
  if (!row) throw badUserInput('id', `id: no best practice ${id}`);
  return row;
}

export interface NewBestPractice {
  schoolCode: string;
  title: string;
  text: string;
  tags?: string[] | null;
  riskFactor?: number | null;
}

/** `createBestPractice`: an unpublished practice of the school's own, with its audit entry, in one flush. */
export async function createBestPractice(ctx: Context, input: NewBestPractice): Promise<BestPracticeRow> {
  authorize(ctx.viewer, 'support.schoolWork');
  const title = requiredText('input.title', input.title);
  const text = requiredText('input.text', input.text);
  const riskFactor = checkRiskFactor('input.riskFactor', input.riskFactor);
  const tags = (input.tags ?? []).map((t) => t.trim()).filter((t) => t.length > 0);
  const school = await schoolByCode(ctx.db, 'input.schoolCode', input.schoolCode);
  authorize(ctx.viewer, 'support.schoolWork', { place: placeOf(school) });
  const em = ctx.em.fork();
  const practice = em.create(BestPractice, { school: school.id, title, text, tags, riskFactor });
  em.persist(
    AuditLogEntry.of(ctx.viewer, 'createBestPractice', `school:${school.code}`, { title, riskFactor, tags }),
  );
  await em.flush().catch((error: unknown) =>
    asBadInput(error, 'input', {
      best_practice_risk_factor_check: { argument: 'input.riskFactor', message: 'a risk factor is 1..10' },
    }),
  );
  return practiceById(ctx, practice.id);
}

/** `publishBestPractice`: the school publishes its own practice (once); the change and its audit entry in one flush. */
export async function publishBestPractice(ctx: Context, id: string): Promise<BestPracticeRow> {
  authorize(ctx.viewer, 'support.schoolWork');
  rowId('id', id);
  const [found] = await ctx.db.query<SchoolPlace & { published: boolean }>(
    sql`select ${SCHOOL_PLACE_COLUMNS}, p.published from ${PRACTICES} where p.id = ${id}::bigint`,
  );
  if (!found) throw badUserInput('id', `id: no best practice ${id}`);
  authorize(ctx.viewer, 'support.schoolWork', { place: placeOf(found) });
  if (found.published) {
    throw badInputWith('id', `id: best practice ${id} is published already`, { published: true });
  }
  const em = ctx.em.fork();
  const practice = await em.findOneOrFail(BestPractice, { id });
  practice.published = true;
  em.persist(
    AuditLogEntry.of(ctx.viewer, 'publishBestPractice', `best_practice:${id}`, { school: found.code }),
  );
  await em.flush();
  return practiceById(ctx, id);
}
