import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ApiToken } from './api-token.entity';
import { Permission } from '../auth/permissions';
import { Context } from '../graphql/context';
import { LIMITS } from '../common/limits';

@ObjectType({ description: 'a new personal API token: `token` is shown this once and never again' })
export class ApiTokenSecret {
  @Field({ description: 'send it as `Authorization: Bearer <token>`; only its hash is kept' })
  token: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}


@Resolver()
export class ApiTokenResolver {
  @Authorized(Permission.ManageOwnApiTokens)
  @Mutation(() => ApiTokenSecret, { description: 'a personal API token of your account (same role and scope); refused to a request made with a token' })
  createApiToken(
    @Arg('name', { description: 'what it is for, e.g. "báo cáo hằng tuần"' }) name: string,
    @Arg('expiresInDays', () => Int, { nullable: true, description: `default ${LIMITS.apiTokenDefaultDays}, at most ${LIMITS.apiTokenMaxDays}` }) expiresInDays: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.apiToken.createFor(ctx.caller!, name, expiresInDays);
  }
}

export const API_TOKEN_RESOLVERS: Function[] = [ApiTokenResolver];
