import { describe, expect, it } from 'vitest';
import { compile, isSql, sql } from './sql.js';
import { statementOf } from './queryable.js';

describe('sql', () => {
  it('sends every interpolation as a parameter, numbered in order', () => {
    const q = sql`select * from school s where s.code = ${'sch1'} and s.students > ${300}`;
    expect(compile(q)).toEqual({
      text: 'select * from school s where s.code = $1 and s.students > $2',
      values: ['sch1', 300],
    });
  });

  it('nests fragments and renumbers their values across any depth', () => {
    const inner = sql`m.region_id = ${7} and m.id <> ${8}`;
    const middle = sql`(${inner}) or s.code = ${'x'}`;
    const q = sql`select ${1} as a, s.id from school s where ${middle} and s.type = ${'SOSH'} limit ${21}`;
    expect(compile(q)).toEqual({
      text: 'select $1 as a, s.id from school s where (m.region_id = $2 and m.id <> $3) or s.code = $4 and s.type = $5 limit $6',
      values: [1, 7, 8, 'x', 'SOSH', 21],
    });
    // the same fragment used twice gets numbers of its own each time
    const twice = sql`${inner} union ${inner}`;
    expect(compile(twice).text).toBe('m.region_id = $1 and m.id <> $2 union m.region_id = $3 and m.id <> $4');
    expect(compile(twice).values).toEqual([7, 8, 7, 8]);
  });

  it('sends an array as one parameter', () => {
    const ids = [3, 1, 2];
    expect(compile(sql`select * from school where id = any(${ids}::int[])`)).toEqual({
      text: 'select * from school where id = any($1::int[])',
      values: [[3, 1, 2]],
    });
    expect(compile(sql.in(sql`s.code`, ['a', 'b']))).toEqual({
      text: 's.code = any($1)',
      values: [['a', 'b']],
    });
    // one value is an equality, as PostgreSQL plans `in (x)`
    expect(compile(sql.in(sql`s.code`, ['a']))).toEqual({ text: 's.code = $1', values: ['a'] });
    // no value matches nothing: no parameter, no scan of an empty array
    expect(compile(sql.in(sql`s.code`, []))).toEqual({ text: 'false', values: [] });
  });

  it('quotes identifiers, doubling quotes inside them', () => {
    expect(compile(sql`select ${sql.ident('s', 'id')} from ${sql.ident('school')}`).text).toBe(
      'select "s"."id" from "school"',
    );
    expect(compile(sql.ident('a"; drop table school; --')).text).toBe('"a""; drop table school; --"');
    expect(() => sql.ident('')).toThrow(TypeError);
    expect(() => sql.ident('a\u0000b')).toThrow(TypeError);
    expect(() => sql.ident()).toThrow(TypeError);
  });

  it('never puts a value into the text, whatever it holds', () => {
    const evil = "x'; drop table school; --";
    const forged = { texts: ['drop table school'], values: [] };
    const q = sql`select * from school where code = ${evil} or name = ${forged} or id = ${[evil]}`;
    const { text, values } = compile(q);
    expect(text).toBe('select * from school where code = $1 or name = $2 or id = $3');
    expect(values).toEqual([evil, forged, [evil]]);
    expect(text).not.toContain('drop');
    expect(isSql(forged)).toBe(false);
    // a value that looks like a placeholder is still only a value
    expect(compile(sql`select ${'$1'}, ${'$2'}`)).toEqual({ text: 'select $1, $2', values: ['$1', '$2'] });
  });

  it('is only a tagged template: a string cannot become SQL text by calling it', () => {
    const call = sql as unknown as (text: unknown) => unknown;
    expect(() => call('drop table school')).toThrow(TypeError);
    expect(() => call(['drop table school'])).toThrow(TypeError);
  });

  it('refuses undefined (an absent argument), keeps null as NULL', () => {
    expect(() => sql`select ${undefined}`).toThrow(/undefined/);
    expect(compile(sql`select ${null}`)).toEqual({ text: 'select $1', values: [null] });
  });

  it('joins with a separator, skipping nothing and numbering through', () => {
    const columns = [sql`a = ${1}`, sql`b`, sql`c = ${2}`];
    expect(compile(sql.join(columns))).toEqual({ text: 'a = $1, b, c = $2', values: [1, 2] });
    expect(compile(sql.join(columns, ' or '))).toEqual({ text: 'a = $1 or b or c = $2', values: [1, 2] });
    expect(compile(sql.join([]))).toEqual({ text: '', values: [] });
    expect(compile(sql`x${sql.empty}y`)).toEqual({ text: 'xy', values: [] });
  });

  it('raw is trusted text without parameters', () => {
    expect(compile(sql`select ${sql.raw('count(*)::int')} as n`)).toEqual({
      text: 'select count(*)::int as n',
      values: [],
    });
  });

  it('and / where of optional conditions', () => {
    const year = sql`r.year = ${2025}`;
    const grade = sql`r.grade = ${5} or r.grade = ${6}`;
    expect(compile(sql.and([year, null, undefined, false, grade]))).toEqual({
      text: '(r.year = $1) and (r.grade = $2 or r.grade = $3)',
      values: [2025, 5, 6],
    });
    expect(compile(sql.and([null, year]))).toEqual({ text: 'r.year = $1', values: [2025] });
    expect(compile(sql.and([]))).toEqual({ text: 'true', values: [] });
    expect(compile(sql`select 1 ${sql.where([false, null])}`).text).toBe('select 1 ');
    expect(compile(sql`select 1 from r ${sql.where([year, grade])} limit ${9}`)).toEqual({
      text: 'select 1 from r where (r.year = $1) and (r.grade = $2 or r.grade = $3) limit $4',
      values: [2025, 5, 6, 9],
    });
  });

  it('fragments are immutable', () => {
    const q = sql`select ${1}`;
    expect(Object.isFrozen(q)).toBe(true);
    expect(Object.isFrozen(q.values)).toBe(true);
  });
});

describe('statementOf (the two forms of Queryable.query)', () => {
  it('passes constant text and its parameters through, compiles a fragment', () => {
    expect(statementOf('select $1', [1])).toEqual({ text: 'select $1', values: [1] });
    expect(statementOf(sql`select ${1}`)).toEqual({ text: 'select $1', values: [1] });
  });

  it('refuses parameters beside a fragment', () => {
    expect(() => statementOf(sql`select ${1}`, [2])).toThrow(TypeError);
  });
});
