/**
 * Heading ids as GitHub makes them, so that a link such as `methodology.md#risk-profile` works the
 * same in the repository and on the served page: lower case, punctuation dropped (letters of any
 * script, digits, `_` and `-` kept), each space a hyphen; a repeated heading gets `-1`, `-2`, ….
 */
export type Slugger = (text: string) => string;

export function slugOf(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** A slugger for one page: ids are unique within it. */
export function createSlugger(): Slugger {
  const seen = new Set<string>();
  return (text) => {
    const base = slugOf(text);
    let id = base;
    for (let n = 1; seen.has(id); n += 1) id = `${base}-${n}`;
    seen.add(id);
    return id;
  };
}
