import {
  ExportMonitoringEffectDocument,
  ExportMonitoringReportDocument,
  type ExportMonitoringReportQuery,
  ExportSchoolSeriesDocument,
} from '../../operations/generated/graphql.js';
import { fileNameOf } from '../file-name.js';
import { ACTIVITY_STATUS_RU, DOCUMENT_KIND_RU } from '../labels.js';
import {
  annexOf,
  column,
  type PrintDefinition,
  type PrintSection,
  russianDate,
  type Run,
} from '../print/document.js';
import { lineChart } from '../print/svg-chart.js';

type Monitoring = ExportMonitoringReportQuery['executionMonitoring'];

/**
 * The report a municipality (or a region) signs at the end of its year (issue 13 item 4, seed
 * 003): `/export/monitoring-report.<html|xlsx|csv>?year=…&municipalityId=…|regionCode=…&asOf=…`.
 * The figures of executionMonitoring as of `asOf` — the roadmap's execution, each listed school's
 * reports, documents, curator, partner, diagnostics and lowIndex —, the effect of support of the
 * region (supportEffect), a chart per school of lowIndex and the ВПР share of «2» over the years,
 * the conclusions and recommendations as the place saved them (saveMonitoringReport), and the
 * submission tracking; the annex names the report's order. Everything through the API as the
 * caller, so its scope and permissions hold.
 */

const SCHOOL_COLUMNS = [
  column('n', '№ п/п', 'code', 5),
  column('school', 'Образовательная организация', 'longText', 30),
  column('curator', 'Куратор', 'text', 16),
  column('partner', 'Школа-партнёр', 'text', 20),
  column('reports_due', 'Отчётов к сроку', 'integer', 9),
  column('reports_submitted', 'Представлено', 'integer', 9),
  column('documents', 'Документов представлено', 'integer', 10),
  column('missing_documents', 'Нет документов', 'text', 22),
  column('diag_ru', 'Доля «2», RU: вх. → пром.', 'number', 10),
  column('diag_ma', 'Доля «2», MA: вх. → пром.', 'number', 10),
  column('low_index', 'lowIndex', 'number', 9),
  column('low_index_next', 'lowIndex след. года', 'number', 9),
  column('low_index_delta', 'Изменение', 'number', 9),
];

const documentName = (key: string) => {
  const [kind = '', factor] = key.split(':');
  return `${DOCUMENT_KIND_RU[kind] ?? kind}${factor ? ` ${factor}` : ''}`;
};
const round = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined ? null : Number(v.toFixed(digits));

function schoolRows(m: Monitoring) {
  return m.schools.map((s, i) => [
    i + 1,
    `${s.name} (${s.code})`,
    s.curators.map((c) => c.fullName).join(', ') || 'не назначен',
    s.partners.map((p) => `${p.name} (${p.code})`).join(', ') || 'нет',
    s.reports.due,
    s.reports.submitted,
    s.documents.submittedOrApproved,
    s.documents.missingRequired.map(documentName).join(', ') || 'нет',
    round(s.diagnostics.find((d) => d.subject === 'RU')?.change),
    round(s.diagnostics.find((d) => d.subject === 'MA')?.change),
    round(s.lowIndex),
    round(s.lowIndexNext),
    round(s.lowIndexDelta),
  ]);
}

async function effectSection(run: Run, m: Monitoring): Promise<PrintSection> {
  const { supportEffect } = await run(ExportMonitoringEffectDocument, {
    year: m.year,
    regionCodes: [m.region.code],
  });
  const row = supportEffect.regions[0];
  return {
    kind: 'table',
    heading: `Эффект сопровождения: разность разностей lowIndex ${m.year} → ${supportEffect.outcomeYear} (SUPPORT-V1 §6)`,
    sheet: 'Эффект',
    columns: [column('group', 'Показатель', 'text', 40), column('value', 'Значение', 'text', 30)],
    rows: row
      ? [
          ['Школ в списке (с результатом)', String(row.nT)],
          ['Школ сравнения (lowRank ≥ порога)', String(row.nC)],
          [
            'Среднее изменение: список / сравнение',
            `${round(row.meanDeltaT, 4) ?? '—'} / ${round(row.meanDeltaC, 4) ?? '—'}`,
          ],
          [
            'Разность разностей (95 % интервал)',
            row.defined
              ? `${round(row.did, 4)} (${round(row.ciLow, 4)} … ${round(row.ciHigh, 4)})`
              : 'не определена: мало школ в группе',
          ],
        ]
      : [],
    empty: 'нет утверждённого списка региона',
  };
}

async function chartSections(run: Run, m: Monitoring): Promise<PrintSection[]> {
  const sections: PrintSection[] = [];
  for (const s of m.schools) {
    const series = await run(ExportSchoolSeriesDocument, { code: s.code });
    const years = [
      ...new Set([...series.lowIndex.points, ...series.share2.points].map((p) => p.year)),
    ].sort();
    const at = (points: readonly { year: number; value?: number | null }[]) =>
      years.map((y) => points.find((p) => p.year === y)?.value ?? null);
    sections.push({
      kind: 'figure',
      heading: `${s.name} (${s.code}): lowIndex и доля «2» ВПР по годам`,
      svg: lineChart(`${s.name} (${s.code})`, years, [
        { name: 'lowIndex', values: at(series.lowIndex.points), colour: '#1f4e79' },
        { name: 'доля «2» ВПР', values: at(series.share2.points), colour: '#a33', dashed: true },
      ]),
    });
  }
  return sections;
}

export const monitoringReport: PrintDefinition = {
  name: 'monitoring-report',
  parameters: {
    year: { required: true },
    municipalityId: { required: false },
    regionCode: { required: false },
    asOf: { required: false, date: true },
  },
  async build(run, parameters) {
    const text = (name: string) =>
      typeof parameters[name] === 'string' ? (parameters[name] as string) : null;
    const data = await run(ExportMonitoringReportDocument, {
      year: Number(parameters.year),
      regionCode: text('regionCode'),
      municipalityId: text('municipalityId'),
      asOf: text('asOf'),
    });
    const m = data.executionMonitoring;
    const report = data.monitoringReport;
    const place = m.municipality ? `${m.municipality.name}, ${m.region.name}` : m.region.name;
    const counts = m.activities;
    const execution: PrintSection = {
      kind: 'table',
      heading: `Исполнение дорожной карты на ${russianDate(m.asOf)}`,
      sheet: 'Исполнение',
      columns: [
        column('status', 'Статус мероприятий', 'text', 30),
        column('count', 'Мероприятий', 'integer', 12),
      ],
      rows: [
        ...(['DONE', 'IN_PROGRESS', 'PLANNED', 'OVERDUE'] as const).map((k) => [
          ACTIVITY_STATUS_RU[k] ?? k,
          counts[k],
        ]),
        ['Всего', counts.total],
        [
          'Школ в списке / с куратором / с партнёром',
          `${m.counts.listedSchools} / ${m.counts.withCurator} / ${m.counts.withPartner}`,
        ],
        [
          'Мероприятий для школ (семинаров, вебинаров…) / участников',
          `${m.events.count} / ${m.events.participants}`,
        ],
      ],
      empty: 'нет дорожной карты',
    };
    const tracking: PrintSection = {
      kind: 'table',
      heading: 'Не представлены отчёты по мероприятиям, срок которых прошёл',
      sheet: 'Не сданы отчёты',
      columns: [
        column('school', 'Образовательная организация', 'longText', 40),
        column('number', '№ мероприятия', 'code', 10),
        column('activity', 'Мероприятие', 'longText', 50),
        column('due', 'Срок', 'text', 12),
      ],
      rows: m.submissionTracking.map((t) => [
        `${t.school.name} (${t.school.code})`,
        t.activity.number,
        t.activity.title,
        russianDate(t.activity.due),
      ]),
      empty: 'все отчёты представлены',
    };
    return {
      title: `Мониторинг сопровождения ШНОР: ${place}, ${m.year}/${m.year + 1} учебный год, на ${russianDate(m.asOf)}`,
      annex: annexOf(report?.order),
      heading: [
        `Отчёт о реализации мероприятий по сопровождению школ с низкими образовательными результатами: ${place}`,
        `Список ШНОР ${m.year} года${m.listId ? ` (№ ${m.listId})` : ': не утверждён'}; данные на ${russianDate(m.asOf)}`,
      ],
      columns: SCHOOL_COLUMNS,
      rows: schoolRows(m),
      empty: 'в списке ШНОР нет школ этого места',
      orientation: 'landscape',
      sheet: 'Школы',
      fileName: fileNameOf(
        [
          'monitoring-report',
          m.year,
          m.region.code,
          m.municipality ? `municipality-${m.municipality.id}` : null,
          'as-of',
          m.asOf,
        ],
        [
          'Мониторинг сопровождения ШНОР',
          m.municipality?.name ?? m.region.name,
          m.year,
          'на',
          russianDate(m.asOf),
        ],
      ),
      timeZone: m.region.timeZone,
      sections: [
        execution,
        await effectSection(run, m),
        ...(await chartSections(run, m)),
        { kind: 'text', heading: 'Выводы', text: report?.conclusions || '(не заполнено)' },
        { kind: 'text', heading: 'Рекомендации', text: report?.recommendations || '(не заполнено)' },
        tracking,
      ],
    };
  },
};
