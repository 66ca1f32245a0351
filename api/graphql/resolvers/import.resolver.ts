import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import {
  IMPORT_KINDS,
  isImportKind,
  isSupportImportKind,
  SUPPORT_IMPORT_KINDS,
} from '../../../ingest/formats/types.js';
import { countImports, readImports } from '../../../ingest/write/import-log.js';
import { authorize, may } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../pagination.js';
import { ImportType } from '../types/import.types.js';
import { connectionType, toConnection } from '../types/page-info.type.js';

const ImportConnection = connectionType(ImportType, 'Import');

@Resolver()
export class ImportResolver {
  @Query(() => ImportConnection, {
    description: 'File imports, newest first: all for the ministry, its own for a region analyst',
  })
  async imports(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('kind', () => String, {
      nullable: true,
      description: `${IMPORT_KINDS.join(', ')}, or a support list: ${SUPPORT_IMPORT_KINDS.join(', ')}`,
    })
    kind?: string,
  ) {
    const { viewer } = ctx;
    authorize(viewer, 'imports.read');
    if (kind && !isImportKind(kind) && !isSupportImportKind(kind))
      throw badUserInput('kind', `Unknown import kind «${kind}»`);
    const own = may(viewer, 'imports.readAll') ? null : viewer;
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    const beforeId = after ? String(decodeCursor(after, ['bigint'])[0]) : null;
    const rows = await readImports(ctx.db, { first: size, beforeId, kind: kind ?? null, own });
    return toConnection(
      rows,
      size,
      Boolean(after),
      (r) => encodeCursor([r.id]),
      () => countImports(ctx.db, kind ?? null, own),
    );
  }
}
