import { type TypedDocumentNode } from '@graphql-typed-document-node/core';
import { RISK_FACTOR_NAMES_RU } from '../../../analytics/methodology/params.js';
import {
  ExportRiskProfilesDocument,
  type ExportRiskProfilesQuery,
} from '../../operations/generated/graphql.js';
import { columnsFor, schoolColumns } from '../column-builders.js';
import { type Column } from '../columns.js';
import { defineExport } from '../define.js';
import { RISK_LEVEL_RU } from '../labels.js';
import { yearAndRegionDocument } from './naming.js';

type Profile = ExportRiskProfilesQuery['riskProfiles']['nodes'][number];
const c = columnsFor<Profile>();

/**
 * Level and score of each factor side by side. The level's code has no column of its own here:
 * ten more columns would halve the printed width, and the machine variant carries the codes.
 */
function factorColumns(factor: number): Column<Profile>[] {
  const of = (n: Profile) => n.factors.find((f) => f.code === `R${factor}`);
  return [
    c.enumeration(
      `r${factor}_level`,
      `R${factor}. ${RISK_FACTOR_NAMES_RU[factor] ?? ''}`,
      RISK_LEVEL_RU,
      (n) => of(n)?.level,
      { codeColumn: false, width: 14 },
    ),
    c.number(`r${factor}_score`, `R${factor}, балл`, 2, (n) => of(n)?.score),
  ];
}

/** R1…R10 of every school (`/export/risk-profiles.<csv|xlsx>?year=…`). */
export const riskProfiles = defineExport<ExportRiskProfilesQuery, Profile>({
  name: 'risk-profiles',
  document: ExportRiskProfilesDocument as TypedDocumentNode<ExportRiskProfilesQuery, never>,
  page: (d) => d.riskProfiles,
  main: {
    describe: (_data, naming) =>
      yearAndRegionDocument(naming, {
        ascii: 'risk-profiles',
        russian: 'Профили рисков',
        sheet: 'Профили рисков',
      }),
    columns: [
      ...schoolColumns<Profile>(),
      c.integer('year', 'Год', (n) => n.year),
      c.text(
        'priority_risks',
        'Приоритетные риски',
        (n) => n.priorityRisks.map((r) => `R${r}`).join(', '),
        14,
      ),
      ...Array.from({ length: 10 }, (_, i) => factorColumns(i + 1)).flat(),
    ],
  },
});
