import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Member } from './member.entity';
import { CreateMemberArgs, ImportMode, ImportReport, MemberImportRow, MemberListArgs, MemberMetaArgs, UpdateMemberArgs } from './member.inputs';
import { IMPORT_CAP } from './member.service';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { ListMetadata } from '../graphql/list-args';
import { rowId } from '../graphql/ids';
import { Federation, GrassrootsUnion, Team, Union } from '../org/org.types';

@Resolver(() => Member)
export class MemberResolver {
  @Authorized(Permission.ReadMember)
  @Query(() => Member, { name: 'Member', nullable: true })
  member(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.member.get(ctx.caller!, rowId('Member', id));
  }

  @Authorized(Permission.ReadMember)
  @Query(() => [Member])
  allMembers(@Args() args: MemberListArgs, @Ctx() ctx: Context) {
    return ctx.services.member.list(ctx.caller!, args);
  }

  @Authorized(Permission.ReadMember)
  @Query(() => ListMetadata, { nullable: true })
  async _allMembersMeta(@Args() args: MemberMetaArgs, @Ctx() ctx: Context): Promise<ListMetadata> {
    return { count: await ctx.services.member.count(ctx.caller!, args.filter) };
  }

  @Authorized(Permission.WriteMember)
  @Mutation(() => Member, { nullable: true, description: 'admits a member (kết nạp) into a grassroots union and optionally one of its teams' })
  createMember(@Args() args: CreateMemberArgs, @Ctx() ctx: Context) {
    return ctx.services.member.create(ctx.caller!, args);
  }

  @Authorized(Permission.WriteMember)
  @Mutation(() => Member, { nullable: true })
  updateMember(@Args() args: UpdateMemberArgs, @Ctx() ctx: Context) {
    const { id, ...input } = args;
    return ctx.services.member.update(ctx.caller!, rowId('Member', id), input);
  }

  @Authorized(Permission.WriteMember)
  @Mutation(() => Member, { nullable: true, description: 'records that the member left (status LEFT); members are never hard-deleted' })
  deleteMember(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.member.remove(ctx.caller!, rowId('Member', id));
  }

  @Authorized(Permission.WriteMember)
  @Mutation(() => ImportReport, { description: `imports up to ${IMPORT_CAP} rows into one grassroots union, reporting errors by row and column` })
  importMembers(
    @Arg('grassrootsUnionId', () => ID) grassrootsUnionId: string,
    @Arg('rows', () => [MemberImportRow]) rows: MemberImportRow[],
    @Arg('mode', () => ImportMode, { defaultValue: ImportMode.VALID_ROWS }) mode: ImportMode,
    @Arg('dryRun', { defaultValue: false, description: 'validate only' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.member.importRows(ctx.caller!, grassrootsUnionId, rows, mode === ImportMode.ALL_OR_NOTHING, dryRun);
  }

  @FieldResolver(() => GrassrootsUnion, { nullable: true })
  grassrootsUnion(@Root() m: Member, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, m.grassrootsUnionId);
  }

  @FieldResolver(() => Team, { nullable: true })
  team(@Root() m: Member, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, m.teamId);
  }

  @FieldResolver(() => Union, { nullable: true })
  union(@Root() m: Member, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, m.unionId);
  }

  @FieldResolver(() => Federation, { nullable: true })
  federation(@Root() m: Member, @Ctx() ctx: Context) {
    return ctx.services.org.byId(ctx, m.federationId);
  }
}
