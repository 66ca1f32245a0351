/**
 * File names that say what the file is — export, year, region, list — in Russian for the person
 * who saves it (RFC 5987 `filename*`) and in ASCII for every client that ignores `filename*`.
 */
export interface FileName {
  ascii: string;
  russian: string;
}

type Part = string | number | null | undefined;

const present = (parts: readonly Part[]) =>
  parts.filter((p): p is string | number => p !== null && p !== undefined && String(p) !== '').map(String);

export function fileNameOf(ascii: readonly Part[], russian: readonly Part[]): FileName {
  return {
    ascii: present(ascii)
      .map((p) => p.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, ''))
      .filter(Boolean)
      .join('-'),
    // What Windows refuses in a file name, and control characters, become spaces.
    russian: present(russian)
      .join(' ')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

/** RFC 5987 value characters: percent-encoded UTF-8 for anything else (encodeURIComponent leaves `'()*`). */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(name: FileName, extension: string): string {
  return `attachment; filename="${name.ascii}.${extension}"; filename*=UTF-8''${rfc5987(`${name.russian}.${extension}`)}`;
}

/** `[56, 63]` from `regionCodes`, else the viewer's own regions: the part of a name that says where. */
export function regionCodesOf(
  variables: Record<string, unknown>,
  scopeRegionCodes: readonly string[],
): string[] {
  const asked = variables.regionCodes;
  if (Array.isArray(asked) && asked.length > 0) return asked.map(String);
  return [...scopeRegionCodes];
}
