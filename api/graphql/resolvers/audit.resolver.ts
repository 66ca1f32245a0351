import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { readAudit } from '../../../db/audit.js';
import { authorize } from '../../auth/permissions.js';
import { type Context } from '../../context.js';
import { decodeCursor, encodeCursor, pageSize } from '../../pagination.js';
import { connectionType, toConnection } from '../types/page-info.type.js';

@ObjectType('AuditEntry', {
  simpleResolvers: true,
  description: 'One change: who, when, what, with which scope',
})
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field() actor!: string;
  @Field() role!: string;
  @Field(() => GraphQLJSON) scope!: unknown;
  @Field({ description: 'e.g. createMethodologyVersion' }) action!: string;
  @Field() target!: string;
  @Field(() => GraphQLJSON) details!: unknown;
}

const AuditConnection = connectionType(AuditEntryType, 'AuditEntry');

@Resolver()
export class AuditResolver {
  @Query(() => AuditConnection, { description: 'The audit log, newest first (MINISTRY only)' })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('action', () => String, { nullable: true }) action?: string,
  ) {
    authorize(ctx.viewer, 'audit.read');
    const size = pageSize(first, ctx.config.defaultPageSize, ctx.config.maxPageSize);
    const before = after ? String(decodeCursor(after, ['bigint'])[0]) : null;
    const rows = await readAudit(ctx.db, size, before, action ?? null);
    return toConnection(
      rows,
      size,
      Boolean(after),
      (r) => encodeCursor([r.id]),
      async () => {
        const [row] = await ctx.db.query<{ n: number }>(
          `select count(*)::int as n from audit_log${action ? ' where action = $1' : ''}`,
          action ? [action] : [],
        );
        return row?.n ?? 0;
      },
    );
  }
}
