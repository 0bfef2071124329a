import { Arg, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Context } from '../graphql/context';
import { LIMITS } from '../common/limits';
import { csvExportOf } from './csv-export';

@Resolver()
export class ExportResolver {
  @Authorized()
  @Query(() => String, {
    description: `a signed link to /export/<resource>.csv for a browser download (no Authorization header), valid ${LIMITS.exportLinkMs / 1000} s, for your account only; scripts call /export with their token instead`,
  })
  exportUrl(
    @Arg('resource', { description: 'the list, as in the URL: members, nominations, awards, grassrootsUnions…' }) resource: string,
    @Arg('filter', () => String, { nullable: true, description: 'the list’s filter, as JSON (as /export takes it)' }) filter: string | null,
    @Arg('sortField', () => String, { nullable: true }) sortField: string | null,
    @Arg('sortOrder', () => String, { nullable: true }) sortOrder: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string> {
    return csvExportOf(ctx.services, info.schema).link(ctx.caller!, resource, { filter, sortField, sortOrder });
  }
}

export const EXPORT_RESOLVERS: Function[] = [ExportResolver];
