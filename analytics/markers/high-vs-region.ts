import { ratio, round12 } from '../arithmetic.js';
import { type VprCell } from '../frames.js';
import { type MethodologyParams } from '../methodology/params.js';
import { fixedRu, percentRu, trimmedRu } from './format.js';
import { type Marker, PREFILTER_SLACK, type RegionStats } from './types.js';

export type HighVsRegionCheck = (cell: VprCell, region: RegionStats | undefined) => Marker | null;

/**
 * HIGH_VS_REGION (METHODOLOGY-V1 §3): quality(s) − quality(region) ≥ highVsRegionQualityGap over the
 * same (y, g, j) — the caller passes the region row of exactly that subject, so MAA meets MAA.
 * Gymnasiums and lyceums are exempt: a high result is what their selective intake predicts.
 */
export function createHighVsRegionCheck(params: MethodologyParams): HighVsRegionCheck {
  const { minMarkerN, highVsRegionQualityGap, highVsRegionExemptTypes } = params.markers;
  const gap = round12(highVsRegionQualityGap);
  const exempt = new Set(highVsRegionExemptTypes);
  const gapText = `${trimmedRu(highVsRegionQualityGap * 100)} п.п.`; // formatted once, not per marker

  return (cell, region) => {
    const n = cell.participants;
    // No region row means nothing to compare with: no marker rather than a guess.
    if (n < minMarkerN || exempt.has(cell.schoolType) || region?.quality == null) return null;
    const regionQuality = region.quality;
    if ((cell.n4 + cell.n5) / n - regionQuality < gap - PREFILTER_SLACK) return null;

    // markShares' quality, (n4 + n5)/N rounded, alone: markShares would round all seven of its figures
    // for every flagged row, about twice the cost of building the marker (equality pinned by a test).
    const quality = ratio(cell.n4 + cell.n5, n);
    if (quality === null) return null;
    const value = round12(quality - regionQuality);
    if (value < gap) return null;
    return {
      schoolId: cell.schoolId,
      year: cell.year,
      grade: cell.grade,
      subject: cell.subject,
      code: 'HIGH_VS_REGION',
      value,
      threshold: highVsRegionQualityGap,
      regionValue: regionQuality,
      detail:
        `качество ${percentRu(quality)} при ${percentRu(regionQuality)} по региону ` +
        `(разница ${fixedRu(value * 100, 1)} п.п. ≥ ${gapText})`,
      figures: { participants: n, qualityCount: cell.n4 + cell.n5, quality, regionQuality },
    };
  };
}
