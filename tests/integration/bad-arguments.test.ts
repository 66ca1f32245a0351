import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer } from '../../api/server.js';
import { graphql } from '../support/graphql-client.js';
import { startTestServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function errorOf(query: string, variables?: Record<string, unknown>) {
  const response = await graphql(server.url, query, variables);
  expect(response.errors, JSON.stringify(response)).toBeDefined();
  return response.errors![0]!;
}

describe('invalid arguments are BAD_USER_INPUT naming the argument', () => {
  it.each([
    [
      'an unknown subject literal',
      '{ schools(first: 1) { nodes { vprResults(subject: XX) { grade } } } }',
      'subject',
    ],
    ['grade 3', '{ schools(first: 1) { nodes { vprResults(grade: 3) { grade } } } }', 'grade'],
    ['a page over the cap', '{ schools(first: 100000) { totalCount } }', 'first'],
    ['a negative page', '{ regions(first: -1) { totalCount } }', 'first'],
    [
      'an ЕГЭ subject in ВПР',
      '{ schools(first: 1) { nodes { vprResults(subject: MAP) { grade } } } }',
      'subject',
    ],
    ['MA in ЕГЭ', '{ schools(first: 1) { nodes { egeResults(subject: MA) { year } } } }', 'subject'],
    [
      'MAA in grade 4',
      '{ schools(first: 1) { nodes { vprResults(grade: 4, subject: MAA) { grade } } } }',
      'subject',
    ],
    ['a year out of range', '{ schools(first: 1) { nodes { ogeResults(year: 1900) { year } } } }', 'year'],
    [
      'an unknown school type in a filter',
      '{ schools(filter: { types: [UNIVERSITY] }) { totalCount } }',
      'filter.types',
    ],
    [
      'a bad grade in a statistics filter',
      '{ vprStatistics(filter: { grades: [4, 9] }) { totalCount } }',
      'filter.grades[1]',
    ],
    [
      'grades for ОГЭ',
      '{ giaStatistics(exam: OGE, filter: { grades: [9] }) { totalCount } }',
      'filter.grades',
    ],
    ['GRADE grouping for ЕГЭ', '{ giaStatistics(exam: EGE, groupBy: [GRADE]) { totalCount } }', 'groupBy'],
    ['a forged cursor', '{ schools(first: 5, after: "not-a-cursor") { totalCount } }', 'after'],
    ['an impossible date', '{ assignments(asOf: "2020-02-30") { totalCount } }', 'asOf'],
    [
      'a bad municipality id',
      '{ schools(filter: { municipalityIds: ["abc"] }) { totalCount } }',
      'filter.municipalityIds[0]',
    ],
  ])('%s', async (_name, query, argument) => {
    const error = await errorOf(query);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.argument).toBe(argument);
    expect(error.extensions?.stacktrace).toBeUndefined();
  });

  it('names the variable when a variable value is invalid', async () => {
    const error = await errorOf(
      'query($s: Subject) { schools(first: 1) { nodes { vprResults(subject: $s) { grade } } } }',
      {
        s: 'XX',
      },
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.argument).toBe('s');
  });

  it('keeps serving after bad requests', async () => {
    const ok = await graphql(server.url, '{ regions(first: 1) { totalCount } }');
    expect(ok.errors).toBeUndefined();
  });
});
