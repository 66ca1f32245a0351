import { beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_TEXT_MARK } from '../../api/export/csv-writer.js';
import { byHeader, parseDelimited } from '../support/csv.js';
import { dataOf, graphql } from '../support/graphql-client.js';
import { serverAndDatabase } from '../support/server.js';
import { dispositionNames } from '../support/xlsx.js';
import { regionClock } from '../support/zoned.js';

/**
 * Issue 10: the Russian-Excel CSV (default) beside the machine one for BI (`variant=machine`), and
 * the ШНОР list's appendix to an order (`variant=appendix`). Values come from the API's answer.
 */
const { server, db } = serverAndDatabase();

interface Candidate {
  status: string;
  exitCandidate: boolean;
  lowIndex: number | null;
  school: { code: string };
  evidence: { rule: string; current: { rank: number | null; schoolsRanked: number; vprN2: number } };
}
let api: Candidate[] = [];

beforeAll(async () => {
  api = dataOf(
    await graphql<{ shnorCandidates: { nodes: Candidate[] } }, never>(
      server.url,
      `
        {
          shnorCandidates(year: 2026, filter: { regionCodes: ["56"] }, first: 500) {
            nodes {
              status
              exitCandidate
              lowIndex
              school {
                code
              }
              evidence {
                rule
                current {
                  rank
                  schoolsRanked
                  vprN2
                }
              }
            }
          }
        }
      `,
    ),
  ).shnorCandidates.nodes;
});

async function download(path: string) {
  const response = await fetch(`${server.url}${path}`);
  return { response, text: Buffer.from(await response.arrayBuffer()).toString('utf8') };
}

const russianPercent = (v: number) => `${(v * 100).toFixed(1).replace('.', ',')}%`;

describe('CSV variants', () => {
  it('Russian (default): BOM, `;`, «12,3%», да/нет, label beside code, codes kept as text', async () => {
    const { response, text } = await download('/export/candidates.csv?year=2026&regionCodes=56');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = byHeader(parseDelimited(text.slice(1), ';'));
    expect(rows.map((r) => r['Логин'])).toEqual(api.map((n) => n.school.code));
    rows.forEach((row, i) => {
      const node = api[i]!;
      expect(row['Индекс низких результатов']).toBe(
        node.lowIndex === null ? '' : russianPercent(node.lowIndex),
      );
      expect(row['Кандидат на выход из списка']).toBe(node.exitCandidate ? 'да' : 'нет');
      expect(row['Статус (код)']).toBe(node.status);
      expect(row['Статус']).toMatch(/^[А-Я][а-я ]+$/);
      expect(row['Код региона']).toBe(`${EXCEL_TEXT_MARK}56`);
    });
    expect(dispositionNames(response.headers.get('content-disposition'))).toEqual({
      ascii: 'candidates-2026-56.csv',
      russian: 'Кандидаты в список ШНОР 2026 56.csv',
    });
  });

  it('machine: no BOM, `,`, snake_case headers, raw fractions with `.`, true/false, bare codes', async () => {
    const { response, text } = await download(
      '/export/candidates.csv?year=2026&regionCodes=56&variant=machine',
    );
    expect(response.status).toBe(200);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const table = parseDelimited(text, ',');
    for (const key of table[0]!) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    const rows = byHeader(table);
    expect(rows.map((r) => r.school_code)).toEqual(api.map((n) => n.school.code));
    rows.forEach((row, i) => {
      const node = api[i]!;
      expect(row.low_index).toBe(node.lowIndex === null ? '' : String(node.lowIndex));
      expect(row.exit_candidate).toBe(String(node.exitCandidate));
      expect(row.status).toBe(node.status);
      expect(row.region_code).toBe('56');
      // the rule of §2 and the integer rank, to check a decision by hand
      expect(row.rule).toBe(node.evidence.rule);
      expect(row.rank).toBe(node.evidence.current.rank === null ? '' : String(node.evidence.current.rank));
      expect(row.schools_ranked).toBe(String(node.evidence.current.schoolsRanked));
      expect(row.vpr_n2).toBe(String(node.evidence.current.vprN2));
    });
    expect(dispositionNames(response.headers.get('content-disposition')).ascii).toBe(
      'candidates-2026-56-machine.csv',
    );
  });

  it('refuses a variant an export does not have, and a machine XLSX', async () => {
    for (const path of [
      '/export/candidates.xlsx?year=2026&variant=machine',
      '/export/candidates.csv?year=2026&variant=appendix',
      '/export/candidates.csv?year=2026&variant=bi',
    ]) {
      const { response, text } = await download(path);
      expect(response.status, path).toBe(400);
      expect(JSON.parse(text).errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'variant',
      });
    }
  });
});

describe('the ШНОР list: appendix and dates', () => {
  let listId = '';
  let decided = '';
  const justification = 'Решение муниципальной комиссии: школа включается в программу поддержки';

  beforeAll(async () => {
    listId = dataOf(
      await graphql<{ createShnorList: { id: string } }, never>(
        server.url,
        'mutation { createShnorList(year: 2026, regionCode: "56") { id } }',
      ),
    ).createShnorList.id;
    const { rows } = await db.query<{ school_code: string }>(
      `select school_code from shnor_list_entry where list_id = $1 and status = 'NOT_ELIGIBLE' order by position limit 1`,
      [listId],
    );
    decided = rows[0]!.school_code;
    dataOf(
      await graphql(
        server.url,
        `mutation { setShnorListEntry(listId: "${listId}", schoolCode: "${decided}", decision: INCLUDE, justification: "${justification}") { included } }`,
      ),
    );
  });

  it('appendix: the included entries in list order, numbered, with the basis of inclusion', async () => {
    const entries = dataOf(
      await graphql<
        {
          shnorList: {
            entries: { nodes: { schoolCode: string; schoolName: string; explanation: string }[] };
          };
        },
        never
      >(
        server.url,
        `{ shnorList(id: "${listId}") { entries(included: true, first: 500) { nodes { schoolCode schoolName explanation } } } }`,
      ),
    ).shnorList.entries.nodes;
    // `included=false` cannot empty an order's appendix
    const { response, text } = await download(
      `/export/shnor-list.csv?listId=${listId}&variant=appendix&included=false`,
    );
    expect(response.status).toBe(200);
    const table = parseDelimited(text.slice(1), ';');
    expect(table[0]).toEqual([
      '№ п/п',
      'Муниципалитет',
      'Образовательная организация',
      'Логин',
      'Основание включения',
    ]);
    const rows = byHeader(table);
    expect(rows.map((r) => r['Логин'])).toEqual(entries.map((e) => e.schoolCode));
    expect(rows.map((r) => r['№ п/п'])).toEqual(entries.map((_, i) => String(i + 1)));
    for (const [i, entry] of entries.entries()) {
      const basis = entry.schoolCode === decided ? `Решение: ${justification}` : entry.explanation;
      expect(rows[i]!['Основание включения']).toBe(basis);
      expect(rows[i]!['Образовательная организация']).toBe(entry.schoolName);
      expect(rows[i]!['Муниципалитет']).not.toBe('');
    }
    expect(rows.some((r) => r['Логин'] === decided)).toBe(true);
  });

  it('a decision’s time is the region’s clock: Russian «dd.mm.yyyy hh:mm», machine ISO with offset', async () => {
    const { rows } = await db.query<{ decided_at: Date; time_zone: string }>(
      `select e.decided_at, g.time_zone from shnor_list_entry e join shnor_list l on l.id = e.list_id
       join region g on g.id = l.region_id where e.list_id = $1 and e.school_code = $2`,
      [listId, decided],
    );
    const { decided_at: at, time_zone: zone } = rows[0]!;
    expect(zone).toBe('Asia/Yekaterinburg'); // Оренбургская область: UTC+5, the seed's real zone
    const expected = regionClock(at, zone);
    const russian = byHeader(
      parseDelimited((await download(`/export/shnor-list.csv?listId=${listId}`)).text.slice(1), ';'),
    );
    expect(russian.find((r) => r['Логин'] === decided)?.['Дата решения']).toBe(expected.russian);
    const machine = byHeader(
      parseDelimited((await download(`/export/shnor-list.csv?listId=${listId}&variant=machine`)).text, ','),
    );
    const iso = machine.find((r) => r.school_code === decided)?.decided_at ?? '';
    expect(iso).toBe(expected.iso);
    expect(new Date(iso).getTime()).toBe(Math.floor(at.getTime() / 1000) * 1000);
  });
});
