import { Role } from './role';
import { Scope } from './scope';
import { User } from '../account/user.entity';
import { OrgUnit } from '../org/org-unit.entity';

/** The authenticated account of a request, with its scope resolved once. */
export interface Caller {
  user: User;
  role: Role;
  scopeUnit: OrgUnit | null;
  scope: Scope;
  /** the personal API token the request came with (absent: a password sign-in's JWT) */
  apiTokenId?: number;
}
