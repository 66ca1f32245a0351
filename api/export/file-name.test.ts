import { describe, expect, it } from 'vitest';
import { contentDisposition, fileNameOf } from './file-name.js';

describe('file names', () => {
  it('ASCII for the fallback, Russian for filename*, empty parts left out', () => {
    const name = fileNameOf(
      ['shnor-list', 2026, '56', 'list', '2', null],
      ['Список ШНОР', 2026, '56', 'список', '2', undefined],
    );
    expect(name).toEqual({ ascii: 'shnor-list-2026-56-list-2', russian: 'Список ШНОР 2026 56 список 2' });
  });

  it('keeps what a file system or a header refuses out of both names', () => {
    const name = fileNameOf(['a/b "c"', 'д'], ['a/b: "c"?', '*']);
    expect(name.ascii).toBe('a-b-c');
    expect(name.russian).toBe('a b c');
  });

  it('Content-Disposition: a quoted ASCII filename and an RFC 5987 filename*', () => {
    const header = contentDisposition({ ascii: 'candidates-2026-56', russian: 'Кандидаты (2026)' }, 'csv');
    expect(header).toBe(
      `attachment; filename="candidates-2026-56.csv"; filename*=UTF-8''${encodeURIComponent('Кандидаты')}%20%282026%29.csv`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('Кандидаты (2026).csv');
  });
});
