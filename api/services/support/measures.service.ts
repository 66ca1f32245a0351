import { type Queryable } from '../../../db/queryable.js';
import { sql } from '../../../db/sql.js';
import { AuditLogEntry, Measure, SchoolDocument } from '../../../schema/entities/index.js';
import { MEASURE_TARGET_INDICATORS } from '../../../schema/entities/support/measure.entity.js';
import { SchoolDocumentKind } from '../../../schema/enums.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import {
  asBadInput,
  optionalText,
  placeOf,
  requiredText,
  rowId,
  SCHOOL_PLACE_COLUMNS,
  type SchoolPlace,
} from './documents-common.js';

/**
 * Measures (мероприятия) of a school's programme (SUPPORT-V1 §1 Measure): written by the school
 * itself (`support.schoolWork`) on its own programmes and plans — every document kind but the
 * CONCEPT, which has no measures — and listed under their document (`SchoolDocument.measures`).
 */

export interface MeasureRow {
  id: string;
  programmeId: string;
  title: string;
  deadlineText: string;
  responsible: string | null;
  targetIndicator: string | null;
  targetValue: number | null;
  createdAt: Date;
}

const MEASURE_COLUMNS = sql`x.id::text as id, x.document_id::text as "programmeId", x.title,
  x.deadline_text as "deadlineText", x.responsible, x.target_indicator as "targetIndicator",
  x.target_value as "targetValue", x.created_at as "createdAt"`;

/** The measures of these documents, in the order they were written. */
export function measuresOf(db: Queryable, documentIds: readonly string[]): Promise<MeasureRow[]> {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db.query<MeasureRow>(
    sql`select ${MEASURE_COLUMNS} from measure x where x.document_id = any(${[...documentIds]}::bigint[])
      order by x.document_id, x.id`,
  );
}

export interface NewMeasure {
  title: string;
  deadlineText?: string | null;
  responsible?: string | null;
  targetIndicator?: string | null;
  targetValue?: number | null;
}

/** `createMeasure`: a measure of the school's own programme, and its audit entry, in one flush. */
export async function createMeasure(
  ctx: Context,
  programmeId: string,
  input: NewMeasure,
): Promise<MeasureRow> {
  authorize(ctx.viewer, 'support.schoolWork');
  rowId('programmeId', programmeId);
  const title = requiredText('input.title', input.title);
  const indicator = optionalText(input.targetIndicator);
  const value = input.targetValue ?? null;
  if (indicator !== null && !MEASURE_TARGET_INDICATORS.includes(indicator)) {
    throw badUserInput(
      'input.targetIndicator',
      `input.targetIndicator: «${indicator.slice(0, 60)}» is not a METHODOLOGY-V1 §4 indicator, SR_VPR_LOW, DIAG_SHARE2_RU or DIAG_SHARE2_MA`,
    );
  }
  if ((indicator === null) !== (value === null)) {
    throw badUserInput(
      indicator === null ? 'input.targetIndicator' : 'input.targetValue',
      `${indicator === null ? 'input.targetIndicator' : 'input.targetValue'}: a target is an indicator with its value — give both or neither`,
    );
  }
  if (value !== null && !Number.isFinite(value)) {
    throw badUserInput('input.targetValue', 'input.targetValue: must be a finite number');
  }
  const [programme] = await ctx.db.query<SchoolPlace & { kind: SchoolDocumentKind }>(
    sql`select ${SCHOOL_PLACE_COLUMNS}, d.kind from school_document d join school s on s.id = d.school_id
      join municipality m on m.id = s.municipality_id join region g on g.id = m.region_id
      where d.id = ${programmeId}::bigint`,
  );
  if (!programme) throw badUserInput('programmeId', `programmeId: no school document ${programmeId}`);
  authorize(ctx.viewer, 'support.schoolWork', { place: placeOf(programme) });
  if (programme.kind === SchoolDocumentKind.CONCEPT) {
    throw badUserInput(
      'programmeId',
      `programmeId: document ${programmeId} is a CONCEPT; measures belong to a programme or plan`,
    );
  }
  const em = ctx.em.fork();
  const measure = em.create(Measure, {
    programme: em.getReference(SchoolDocument, programmeId),
    title,
    deadlineText: optionalText(input.deadlineText) ?? '',
    responsible: optionalText(input.responsible),
    targetIndicator: indicator,
    targetValue: value,
  });
  em.persist(
    AuditLogEntry.of(ctx.viewer, 'createMeasure', `school_document:${programmeId}`, {
      school: programme.code,
      title,
      targetIndicator: indicator,
      targetValue: value,
    }),
  );
  await em.flush().catch((error: unknown) =>
    asBadInput(error, 'input', {
      measure_target_check: { argument: 'input.targetIndicator', message: 'not a target the tables accept' },
    }),
  );
  const [row] = await ctx.db.query<MeasureRow>(
    sql`select ${MEASURE_COLUMNS} from measure x where x.id = ${measure.id}::bigint`,
  );
  return row as MeasureRow;
}
