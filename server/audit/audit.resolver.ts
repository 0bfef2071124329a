import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { AuditEvent } from './audit-event.entity';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ListArgs, ListMetadata, MetaArgs } from '../graphql/list-args';
import { rowId } from '../graphql/ids';
import { User } from '../account/user.entity';

@InputType()
export class AuditEventFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => [String], { nullable: true }) action?: string[];
  @Field(() => [String], { nullable: true }) entityType?: string[];
  @Field(() => [ID], { nullable: true }) entityId?: string[];
  @Field(() => [ID], { nullable: true }) actorId?: string[];
  @Field(() => [ID], { nullable: true }) unitId?: string[];
  @Field(() => String, { nullable: true }) at_gte?: string;
  @Field(() => String, { nullable: true }) at_lt?: string;
}

@ArgsType()
class AuditEventListArgs extends ListArgs {
  @Field(() => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter;
}

@ArgsType()
class AuditEventMetaArgs extends MetaArgs {
  @Field(() => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter;
}

/** The audit trail: read-only, scoped like everything else. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Permission.ReadAudit)
  @Query(() => AuditEvent, { name: 'AuditEvent', nullable: true })
  auditEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.audit.get(ctx.caller!, rowId('AuditEvent', id));
  }

  @Authorized(Permission.ReadAudit)
  @Query(() => [AuditEvent])
  allAuditEvents(@Args() args: AuditEventListArgs, @Ctx() ctx: Context) {
    return ctx.services.audit.list(ctx.caller!, args);
  }

  @Authorized(Permission.ReadAudit)
  @Query(() => ListMetadata, { nullable: true })
  async _allAuditEventsMeta(@Args() args: AuditEventMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.audit.count(ctx.caller!, args.filter) };
  }

  @FieldResolver(() => User, { nullable: true, description: 'the account that made the change, when visible to you (see actorName)' })
  actor(@Root() e: AuditEvent, @Ctx() ctx: Context) {
    return ctx.services.account.byId(ctx, e.actorId);
  }
}
