import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Member } from './member.entity';
import { ImportMode, ImportReport, MemberImportRow } from './member.inputs';
import { IMPORT_CAP } from './member.service';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { Federation, GrassrootsUnion, Team, Union, UNIT_RESOURCES } from '../org/org.types';
import { OrgLevel } from '../org/org-level';
import { edges } from '../kit/crud';


@Resolver(() => Member)
export class MemberImportResolver {
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
}

/** The units a member is placed in. */
const MemberEdges = edges<Member>(Member, 'Member', {
  grassrootsUnion: { type: () => GrassrootsUnion, target: UNIT_RESOURCES[OrgLevel.GRASSROOTS], join: { property: 'grassrootsUnionId', via: (s) => s.org } },
  team: { type: () => Team, target: UNIT_RESOURCES[OrgLevel.TEAM], join: { property: 'teamId', via: (s) => s.org } },
  union: { type: () => Union, target: UNIT_RESOURCES[OrgLevel.UNION], join: { property: 'unionId', via: (s) => s.org } },
  federation: { type: () => Federation, target: UNIT_RESOURCES[OrgLevel.FEDERATION], join: { property: 'federationId', via: (s) => s.org } },
});

export const MEMBER_RESOLVERS: Function[] = [MemberImportResolver, MemberEdges];
