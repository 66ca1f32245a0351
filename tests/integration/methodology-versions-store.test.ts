import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_V1 } from '../../analytics/methodology/params.js';
import { DEFAULT_METHODOLOGY, ensureDefaultMethodology } from '../../analytics/sql/methodologies.js';
import { storeMethodologyVersion } from '../../api/services/methodology-versions.service.js';
import { fromPgPool } from '../../db/queryable.js';
import { Role, type Viewer } from '../../db/viewer.js';
import { openDatabase, type Orm } from '../../schema/database.js';
import { AuditLogEntry, MethodologyVersion } from '../../schema/entities/index.js';
import { createFreshDatabase, type FreshDatabase } from '../support/fresh-database.js';

/**
 * The working example of a writer on entities: a methodology version and its audit entry through
 * one flush of an EntityManager fork (what ctx.em is), on the ORM the server opens.
 */
const viewer: Viewer = {
  id: 'analyst-56',
  role: Role.REGION_ANALYST,
  scope: { kind: 'REGIONS', regionIds: [56] },
};
let fresh: FreshDatabase;
let orm: Orm;
let db: pg.Pool;

beforeAll(async () => {
  fresh = await createFreshDatabase({ seed: 'none' });
  orm = await openDatabase(fresh.url, 0, 2);
  db = new pg.Pool({ connectionString: fresh.url, max: 1 });
  await ensureDefaultMethodology(fromPgPool(db));
});
afterAll(async () => {
  await orm?.close(true);
  await db?.end();
  await fresh?.drop();
});

describe('methodology versions through the ORM', () => {
  it('stores the version and its audit entry together; timestamps come back as Dates', async () => {
    const params = { ...DEFAULT_V1, eligibility: { ...DEFAULT_V1.eligibility, lowRankCut: 0.9 } };
    const stored = await storeMethodologyVersion(
      orm.em.fork(),
      viewer,
      { name: 'orm-store', description: 'through em', basedOn: DEFAULT_METHODOLOGY, params },
      { eligibility: { lowRankCut: 0.9 } },
    );
    expect(stored.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const { rows } = await db.query(
      `select v.based_on, v.created_by, v.params, a.actor, a.role, a.scope, a.target, a.details
         from methodology_version v join audit_log a on a.target = v.name and a.action = 'createMethodologyVersion'
        where v.name = 'orm-store'`,
    );
    expect(rows).toEqual([
      {
        based_on: DEFAULT_METHODOLOGY,
        created_by: 'analyst-56',
        params: JSON.parse(JSON.stringify(params)),
        actor: 'analyst-56',
        role: 'REGION_ANALYST',
        scope: viewer.scope,
        target: 'orm-store',
        details: {
          basedOn: DEFAULT_METHODOLOGY,
          hash: stored.hash,
          changes: { eligibility: { lowRankCut: 0.9 } },
        },
      },
    ]);

    // read back through a fresh unit of work: hydrated timestamps are Dates, not text
    const em = orm.em.fork();
    const version = await em.findOneOrFail(MethodologyVersion, 'orm-store');
    expect(version.createdAt).toBeInstanceOf(Date);
    expect(version.createdAt.getTime()).toBe(stored.createdAt.getTime());
    expect(version.basedOn?.name).toBe(DEFAULT_METHODOLOGY);
    const entry = await em.findOneOrFail(AuditLogEntry, { target: 'orm-store' });
    expect(entry.at).toBeInstanceOf(Date);
    expect(typeof entry.id).toBe('string');
  });

  it.each([
    // the audit entry fails (audit_log.actor is not null)
    ['the audit entry', 'orm-half', { ...viewer, id: null as unknown as string }, /actor/],
    // the version fails (methodology_version_name_check), whichever of the two is inserted first
    ['the version', 'Not A Name!', viewer, /methodology_version_name_check/],
  ])('writes neither when %s cannot be written (one transaction)', async (_what, name, who, error) => {
    await expect(
      storeMethodologyVersion(
        orm.em.fork(),
        who,
        { name, description: '', basedOn: DEFAULT_METHODOLOGY, params: DEFAULT_V1 },
        {},
      ),
    ).rejects.toThrow(error);
    const { rows } = await db.query(
      `select (select count(*)::int from methodology_version where name = $1) as versions,
              (select count(*)::int from audit_log where target = $1) as entries`,
      [name],
    );
    expect(rows[0]).toEqual({ versions: 0, entries: 0 });
  });
});
