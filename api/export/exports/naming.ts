import { fileNameOf, regionCodesOf } from '../file-name.js';
import { type ExportDocument, type NamingContext } from '../define.js';

/** Moscow time where an export spans regions: the clock of federal documents. */
export const FEDERAL_TIME_ZONE = 'Europe/Moscow';

/**
 * The document of a school-level export: «Кандидаты в список ШНОР, 2026, регион 56» and
 * `candidates-2026-56`, from the parameters (years) and the regions asked for or in scope.
 */
export function yearAndRegionDocument(
  naming: NamingContext,
  names: { ascii: string; russian: string; sheet: string },
): ExportDocument {
  const { variables } = naming;
  const years = Array.isArray(variables.years) ? variables.years.map(String) : [];
  const year = typeof variables.year === 'number' ? String(variables.year) : years.join('-');
  const regions = regionCodesOf(variables, naming.scopeRegionCodes);
  const where =
    regions.length === 1 ? `регион ${regions[0]}` : regions.length ? `регионы ${regions.join(', ')}` : '';
  return {
    title: [names.russian, year ? `${year} год` : '', where].filter(Boolean).join(', '),
    sheet: names.sheet,
    timeZone: FEDERAL_TIME_ZONE,
    fileName: fileNameOf([names.ascii, year, ...regions], [names.russian, year, ...regions]),
  };
}
