import { type RowReader } from '../row-reader.js';
import { reason } from '../values.js';
import { type SupportActivity, type SupportEnv } from './common.js';

/**
 * A roadmap activity named by its roadmap's id and its number as written (`1.`, `23`): the exact
 * number first, else the same number with or without its final dot («1» finds «1.»). A number
 * that the roadmap repeats (an import warning of §3) cannot name one activity: a bad row.
 */

const UNKNOWN_ROADMAP = reason('нет дорожной карты с таким номером', 'no roadmap with this id');
const bare = (number: string) => number.trim().replace(/\.$/, '');

export function activityOf(
  r: RowReader,
  env: SupportEnv,
  roadmapKey: string,
  numberKey: string,
): SupportActivity | null {
  const roadmapText = r.required(roadmapKey);
  const number = r.required(numberKey);
  if (roadmapText === null || number === null) return null;
  const activities = /^[1-9]\d{0,17}$/.test(roadmapText) ? env.activities(roadmapText) : undefined;
  if (!activities) return r.reject(roadmapKey, UNKNOWN_ROADMAP);
  const exact = activities.filter((a) => a.number === number);
  const found = exact.length ? exact : activities.filter((a) => bare(a.number) === bare(number));
  if (found.length === 1) return found[0] ?? null;
  return r.reject(
    numberKey,
    found.length === 0
      ? reason(
          `в дорожной карте ${roadmapText} нет мероприятия с таким номером`,
          `roadmap ${roadmapText} has no activity with this number`,
        )
      : reason(
          `номер повторяется в дорожной карте ${roadmapText} (${found.length} мероприятия): измените номер в карте`,
          `roadmap ${roadmapText} repeats this number (${found.length} activities): renumber the roadmap`,
        ),
  );
}

/** The place an activity belongs to: its roadmap's owner. */
export const activityPlace = (a: SupportActivity) => ({
  regionId: a.regionId,
  municipalityId: a.municipalityId,
  schoolId: a.schoolId,
});
