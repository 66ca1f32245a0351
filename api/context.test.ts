import { type EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_VIEWER } from '../db/viewer.js';
import { type Queryable } from '../db/queryable.js';
import { loadConfig } from '../config/settings.js';
import { AnalyticsCache } from './services/analytics/cache.js';
import { createContext } from './context.js';

/** Apollo's copy of the context per operation (ApolloServer.js cloneObject). */
const apolloCopy = <T extends object>(o: T): T =>
  Object.assign(Object.create(Object.getPrototypeOf(o) as object) as T, o);

describe('createContext', () => {
  const db = { query: () => Promise.resolve([]) } as unknown as Queryable;
  const make = () => {
    const forks: object[] = [];
    const fork = () => {
      const em = { n: forks.length } as unknown as EntityManager;
      forks.push(em);
      return em;
    };
    const context = createContext(
      db,
      fork,
      loadConfig({}),
      DEVELOPMENT_VIEWER,
      { count: 0 },
      new AnalyticsCache(1),
    );
    return { context, forks };
  };

  it('forks the unit of work only when a resolver asks for it, also after Apollo copies the context', () => {
    const { context, forks } = make();
    const copy = apolloCopy(context);
    expect(forks).toHaveLength(0);
    const em = copy.em;
    expect(copy.em).toBe(em);
    expect(forks).toHaveLength(1);
  });

  it('gives each copied operation a unit of work of its own', () => {
    const { context, forks } = make();
    const first = apolloCopy(context).em;
    const second = apolloCopy(context).em;
    expect(first).not.toBe(second);
    expect(forks).toHaveLength(2);
  });
});
