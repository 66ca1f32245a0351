import { type MethodologyOverrides } from '../../../analytics/methodology/overrides.js';
import { type Context } from '../../context.js';
import { checkYear } from '../../graphql/inputs/validate.js';
import { arrayPage, type ConnectionResult } from '../../graphql/types/page-info.type.js';
import { pageSize } from '../../pagination.js';
import { methodologyView, type MethodologyView } from './candidate-view.js';
import { type EffectiveMethodology, resolveMethodology } from './methodology.js';
import { type Place, type PlaceArgs, placeFilter } from './place-filter.js';

/** What every analytics question names: the year, the methodology (and what-if) and the places. */
export interface AnalyticsQuestion {
  year: number;
  methodology: string;
  overrides?: MethodologyOverrides | null;
  filter?: PlaceArgs | null;
}

export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

export interface OpenQuestion {
  m: EffectiveMethodology;
  view: MethodologyView;
  /** the viewer's scope and the question's places, for computed rows */
  wanted: (place: Place | undefined) => place is Place;
  /** the page size, checked against the cap before anything is computed */
  size: number;
}

/**
 * The steps every analytics question shares, in the order their errors are reported: the year, the
 * page size, the methodology (a what-if is authorized there), then the places in the viewer's scope.
 */
export async function openQuestion(
  ctx: Context,
  q: AnalyticsQuestion,
  page?: PageRequest,
): Promise<OpenQuestion> {
  checkYear('year', q.year);
  const size = pageSize(page?.first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
  const m = await resolveMethodology(ctx, q.methodology, q.overrides, ctx);
  const wanted = await placeFilter(ctx, q.filter ?? {});
  return { m, view: methodologyView(m), wanted, size };
}

/** The answer of a paged analytics question: the page of computed rows and what it was computed with. */
export type AnalyticsPage<V> = ConnectionResult<V> & {
  year: number;
  methodology: MethodologyView;
  dataVersion: number;
};

export function analyticsPage<T, V>(
  open: OpenQuestion,
  page: PageRequest | undefined,
  rows: readonly T[],
  view: (row: T) => V,
  facts: { year: number; dataVersion: number },
): AnalyticsPage<V> {
  // Object.assign, not a spread: the connection's totalCount is a getter.
  return Object.assign(arrayPage(rows, open.size, page?.after, view), { ...facts, methodology: open.view });
}
