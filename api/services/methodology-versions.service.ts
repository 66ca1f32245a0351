import { type EntityManager } from '@mikro-orm/postgresql';
import { paramsHash } from '../../analytics/methodology/hash.js';
import { type MethodologyParams } from '../../analytics/methodology/params.js';
import { type MethodologyVersion as StoredVersion } from '../../analytics/sql/methodologies.js';
import { type Viewer } from '../../db/viewer.js';
import { AuditLogEntry, MethodologyVersion } from '../../schema/entities/index.js';

/** A version to store: checked by the caller (name free, base stored, parameters valid). */
export interface NewMethodologyVersion {
  name: string;
  description: string;
  basedOn: string;
  params: MethodologyParams;
}

/**
 * Stores a methodology version through the request's unit of work (ctx.em), the working example
 * of a writer on entities (README: Development). The version and its audit entry are two entities
 * of one flush, and MikroORM runs a flush in one transaction: both land, or neither does. Reads of
 * versions stay plain SQL (analytics/sql/methodologies.ts).
 */
export async function storeMethodologyVersion(
  em: EntityManager,
  viewer: Viewer,
  version: NewMethodologyVersion,
  changes: object,
): Promise<StoredVersion> {
  const hash = paramsHash(version.params);
  const stored = em.create(MethodologyVersion, {
    name: version.name,
    description: version.description,
    basedOn: em.getReference(MethodologyVersion, version.basedOn),
    params: version.params,
    hash,
    createdBy: viewer.id,
  });
  em.persist(
    AuditLogEntry.of(viewer, 'createMethodologyVersion', version.name, {
      basedOn: version.basedOn,
      hash,
      changes,
    }),
  );
  await em.flush();
  return {
    name: stored.name,
    description: stored.description,
    basedOn: version.basedOn,
    params: version.params,
    hash,
    // filled in by the database (default now()), returned by the insert, hydrated as a Date
    createdAt: stored.createdAt,
    createdBy: stored.createdBy,
  };
}
