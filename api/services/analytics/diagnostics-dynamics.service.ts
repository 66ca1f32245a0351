import { pooledShare2, schoolYearWindow } from '../../../analytics/support/diagnostics-pool.js';
import { SUPPORT_V1, SUPPORT_VERSION } from '../../../analytics/support/params.js';
import { type MethodologyOverrides } from '../../../analytics/methodology/overrides.js';
import { SCHOOL_SCOPE, scopeCondition } from '../../../db/scope.js';
import { sql } from '../../../db/sql.js';
import { type DiagnosticStage, DiagnosticSubject, Subject } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { checkEach, checkYear } from '../../graphql/inputs/validate.js';
import { DynamicsEntity, DynamicsIndicator } from '../../graphql/types/analytics/dynamics.types.js';
import { methodologyView } from './candidate-view.js';
import { dynamicsOf, findScopedSchool } from './dynamics.service.js';
import { resolveMethodology } from './methodology.js';

/**
 * schoolDiagnosticsDynamics: a school's ВПР share of «2» per year beside its local diagnostics of
 * the school year that follows (issue 13 item 2). Per subject (RU, MA) and ВПР year A:
 * - `vpr`: the point of `dynamics(entity: SCHOOL, indicator: SHARE2, subject)` — the same series,
 *   delta, trend and z-test (METHODOLOGY-V1 §5), so the two answers never disagree;
 * - the diagnostics of the school year A/A+1 (1 Sep A … 31 Aug A+1, SUPPORT-V1 §2), the year of
 *   support of list year A, pooled by SUPPORT-V1 §5 (`pooledShare2`, window = that school year).
 * Reads are the school level's: PUBLIC is refused (`support.read`), a school outside the viewer's
 * scope reads as unknown (BAD_USER_INPUT on schoolCode, as in `dynamics` and `cohort`), and the
 * diagnostic rows compose the same scope condition as `diagnostics`.
 */

export interface DiagnosticsDynamicsQuestion {
  methodology: string;
  overrides?: MethodologyOverrides | null;
  schoolCode: string;
  subjects?: DiagnosticSubject[] | null;
  years?: number[] | null;
}

interface StoredDiagnostic {
  subject: DiagnosticSubject;
  grade: number;
  stage: DiagnosticStage;
  date: string;
  participants: number;
  n2: number;
}

/** The ВПР subject a diagnostic's subject is set beside (MA alone: MAA is another test, as in cohort). */
const VPR_SUBJECT: Record<DiagnosticSubject, Subject> = {
  [DiagnosticSubject.RU]: Subject.RU,
  [DiagnosticSubject.MA]: Subject.MA,
};

const ALL_SUBJECTS = SUPPORT_V1.monitoring.diagSubjects as DiagnosticSubject[];

/** The ВПР year whose following school year holds `date` (ISO): a September date opens year A. */
function schoolYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= startMonth ? year : year - 1;
}

export async function schoolDiagnosticsDynamics(ctx: Context, q: DiagnosticsDynamicsQuestion) {
  // before anything is read: the diagnostics are school-level support data
  authorize(ctx.viewer, 'support.read');
  checkEach('years', q.years, checkYear);
  const subjects = q.subjects?.length ? [...new Set(q.subjects)] : ALL_SUBJECTS;
  const m = await resolveMethodology(ctx, q.methodology, q.overrides, ctx);
  const school = await findScopedSchool(ctx, 'schoolCode', q.schoolCode);
  const support = { name: SUPPORT_VERSION, overridden: false, params: SUPPORT_V1 };
  const startMonth = support.params.deadlines.schoolYearStartMonth;

  const rows = await ctx.db.query<StoredDiagnostic>(
    sql`select x.subject, x.grade, x.stage, x.date::text as date, x.participants, x.n2
      from diagnostic x join school s on s.id = x.school_id join municipality m on m.id = s.municipality_id
      ${sql.where([
        scopeCondition(ctx.viewer, SCHOOL_SCOPE, 'rows'),
        sql`x.school_id = ${school.id}`,
        sql.in(sql`x.subject`, subjects),
      ])}`,
  );

  const answers = [];
  for (const subject of subjects) {
    const own = rows.filter((r) => r.subject === subject);
    const series = (years: number[] | null) =>
      dynamicsOf(ctx, m.params, {
        entity: DynamicsEntity.SCHOOL,
        id: school.code,
        indicator: DynamicsIndicator.SHARE2,
        years,
        subject: VPR_SUBJECT[subject],
      });
    const asked = q.years ? [...new Set(q.years)] : null;
    let vpr = await series(asked);
    // by default every ВПР year with rows and every school year with a diagnostic; a year of
    // diagnostics only is asked for again, so its point (trend of the years before) is dynamics' own
    const years = asked ?? [
      ...new Set([...vpr.points.map((p) => p.year), ...own.map((r) => schoolYearOf(r.date, startMonth))]),
    ];
    years.sort((a, b) => a - b);
    if (years.length > vpr.points.length) vpr = await series(years);
    const points = new Map(vpr.points.map((p) => [p.year, p]));
    answers.push({
      subject,
      years: years.map((year) => {
        const window = schoolYearWindow(year, startMonth);
        return {
          year,
          vpr: points.get(year)!,
          schoolYearStart: window.from,
          schoolYearEnd: window.to,
          ...pooledShare2(own, window, support.params.monitoring),
        };
      }),
    });
  }
  return { school, methodology: methodologyView(m), support, subjects: answers };
}
