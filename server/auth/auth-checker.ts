import { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { Context } from '../graphql/context';
import { forbidden, unauthenticated } from '../common/errors';
import { hasPermission, Permission } from './permissions';

/**
 * The one auth checker: `@Authorized()` needs a signed-in caller; `@Authorized(P)` also needs
 * permission P for the caller's role. Scope is not checked here: services apply it in SQL.
 */
export class AuthChecker implements AuthCheckerInterface<Context, Permission> {
  check({ context }: ResolverData<Context>, permissions: Permission[]): boolean {
    const caller = context.caller;
    if (!caller) throw unauthenticated();
    for (const p of permissions) {
      if (!hasPermission(caller.role, p)) throw forbidden(`Vai trò ${caller.role} không có quyền ${p} (forbidden)`, { rule: 'PERMISSION', permission: p });
    }
    return true;
  }
}
