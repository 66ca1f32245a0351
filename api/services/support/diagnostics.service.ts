import { ratio } from '../../../analytics/arithmetic.js';
import { SCHOOL_SCOPE, scopeCondition } from '../../../db/scope.js';
import { sql, type Sql } from '../../../db/sql.js';
import { AuditLogEntry, Diagnostic } from '../../../schema/entities/index.js';
import { DiagnosticStage, DiagnosticSubject } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { type PageArgs } from '../../graphql/inputs/page.args.js';
import { toId } from '../school-query.js';
import { asBadInput, isoDateArgument, pageById, placeOf, schoolByCode } from './documents-common.js';

/**
 * A school's own diagnostics (входной / промежуточный / итоговый мониторинг, SUPPORT-V1 §1):
 * counts of marks only — N who wrote it and n2..n5 summing to N — never a student. Entered by the
 * school or its municipality (`support.diagnostics`); one row per (school, grade, subject, stage, date).
 */

export interface DiagnosticRow {
  id: string;
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  grade: number;
  subject: DiagnosticSubject;
  stage: DiagnosticStage;
  date: string;
  n: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  createdAt: Date;
  /** n2 / N (METHODOLOGY-V1 §7 rounding). */
  share2: number | null;
}

const DIAGNOSTICS = sql`diagnostic x join school s on s.id = x.school_id
  join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id`;

const DIAGNOSTIC_COLUMNS = sql`x.id::text as id, s.id as "schoolId", s.code as "schoolCode", s.name as "schoolName",
  x.grade, x.subject, x.stage, x.date::text as date, x.participants as n, x.n2, x.n3, x.n4, x.n5,
  x.created_at as "createdAt"`;

const withShare = (row: Omit<DiagnosticRow, 'share2'>): DiagnosticRow => ({
  ...row,
  share2: ratio(row.n2, row.n),
});

export interface DiagnosticFilterArgs {
  regionCodes?: string[] | null;
  municipalityIds?: string[] | null;
  schoolCodes?: string[] | null;
  grades?: number[] | null;
}

/** `diagnostics`: the rows of the viewer's scope matching the filter, stage and subject, by id. */
export function diagnostics(
  ctx: Context,
  filter: DiagnosticFilterArgs | null | undefined,
  stage: DiagnosticStage | null | undefined,
  subject: DiagnosticSubject | null | undefined,
  page: PageArgs,
) {
  authorize(ctx.viewer, 'support.read');
  const where: (Sql | null | undefined)[] = [
    scopeCondition(ctx.viewer, SCHOOL_SCOPE, 'rows'),
    filter?.regionCodes && sql.in(sql`g.code`, filter.regionCodes),
    filter?.municipalityIds &&
      sql.in(
        sql`m.id`,
        filter.municipalityIds.map((id, i) => toId(`filter.municipalityIds[${i}]`, id)),
      ),
    filter?.schoolCodes && sql.in(sql`s.code`, filter.schoolCodes),
    filter?.grades && sql.in(sql`x.grade`, filter.grades),
    stage ? sql`x.stage = ${stage}` : null,
    subject ? sql`x.subject = ${subject}` : null,
  ];
  return pageById(
    ctx,
    page,
    async (after, limit) =>
      (
        await ctx.db.query<Omit<DiagnosticRow, 'share2'>>(
          sql`select ${DIAGNOSTIC_COLUMNS} from ${DIAGNOSTICS} ${sql.where([...where, after])}
            order by x.id limit ${limit}`,
        )
      ).map(withShare),
    async () => {
      const [row] = await ctx.db.query<{ n: number }>(
        sql`select count(*)::int as n from ${DIAGNOSTICS} ${sql.where(where)}`,
      );
      return row?.n ?? 0;
    },
    sql`x.id`,
  );
}

export interface NewDiagnostic {
  schoolCode: string;
  grade: number;
  subject: DiagnosticSubject;
  stage: DiagnosticStage;
  date: string;
  n: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

const GRADE_MIN = 1;
const GRADE_MAX = 11;

/** `recordDiagnostic`: the counts checked (each wrong one named), the row and its audit entry in one flush. */
export async function recordDiagnostic(ctx: Context, input: NewDiagnostic): Promise<DiagnosticRow> {
  authorize(ctx.viewer, 'support.diagnostics');
  if (!Number.isInteger(input.grade) || input.grade < GRADE_MIN || input.grade > GRADE_MAX) {
    throw badUserInput(
      'input.grade',
      `input.grade: a grade is ${GRADE_MIN}..${GRADE_MAX}, got ${input.grade}`,
    );
  }
  const date = isoDateArgument('input.date', input.date);
  if (!Number.isInteger(input.n) || input.n < 1) {
    throw badUserInput('input.n', `input.n: N, the students who wrote it, is at least 1 (got ${input.n})`);
  }
  for (const key of ['n2', 'n3', 'n4', 'n5'] as const) {
    if (!Number.isInteger(input[key]) || input[key] < 0) {
      throw badUserInput(`input.${key}`, `input.${key}: a count of marks is 0 or more (got ${input[key]})`);
    }
  }
  const sum = input.n2 + input.n3 + input.n4 + input.n5;
  if (sum !== input.n) {
    throw badUserInput(
      'input.n',
      `input.n: n2 + n3 + n4 + n5 = ${input.n2} + ${input.n3} + ${input.n4} + ${input.n5} = ${sum}, not N = ${input.n}`,
    );
  }
  const school = await schoolByCode(ctx.db, 'input.schoolCode', input.schoolCode);
  authorize(ctx.viewer, 'support.diagnostics', { place: placeOf(school) });
  const duplicate = {
    argument: 'input.date',
    message: `school ${school.code} already has the ${input.stage} diagnostic of grade ${input.grade} in ${input.subject} dated ${date} (one per school, grade, subject, stage and date)`,
  };
  const em = ctx.em.fork();
  const row = em.create(Diagnostic, {
    school: school.id,
    grade: input.grade,
    subject: input.subject,
    stage: input.stage,
    date,
    participants: input.n,
    n2: input.n2,
    n3: input.n3,
    n4: input.n4,
    n5: input.n5,
  });
  em.persist(
    AuditLogEntry.of(ctx.viewer, 'recordDiagnostic', `school:${school.code}`, {
      grade: input.grade,
      subject: input.subject,
      stage: input.stage,
      date,
      n: input.n,
    }),
  );
  await em.flush().catch((error: unknown) =>
    asBadInput(error, 'input', {
      diagnostic_school_id_grade_subject_stage_date_unique: duplicate,
      diagnostic_marks_sum_check: { argument: 'input.n', message: 'n2 + n3 + n4 + n5 must equal N' },
      diagnostic_grade_check: { argument: 'input.grade', message: `a grade is ${GRADE_MIN}..${GRADE_MAX}` },
    }),
  );
  const [stored] = await ctx.db.query<Omit<DiagnosticRow, 'share2'>>(
    sql`select ${DIAGNOSTIC_COLUMNS} from ${DIAGNOSTICS} where x.id = ${row.id}::bigint`,
  );
  return withShare(stored as Omit<DiagnosticRow, 'share2'>);
}
