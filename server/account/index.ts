import { defineModule } from '../kit/module';
import { User, UserResource } from './user.entity';
import { ApiToken, ApiTokenResource } from './api-token.entity';
import { AccountService } from './account.service';
import { ApiTokenService } from './api-token.service';
import { ACCOUNT_RESOLVERS } from './account.resolver';
import { API_TOKEN_RESOLVERS } from './api-token.resolver';

/** Accounts, sign-in, and personal API tokens. */
export default defineModule({
  name: 'account',
  entities: [User, ApiToken],
  resources: [UserResource, ApiTokenResource],
  resolvers: [...ACCOUNT_RESOLVERS, ...API_TOKEN_RESOLVERS],
  services: {
    /** personal API tokens (each account its own) */
    apiToken: ({ db, audit }): ApiTokenService => new ApiTokenService(db, audit),
    account: ({ db, config, audit, services }): AccountService =>
      new AccountService(db, config, services.org, services.member, audit, services.callers, services.apiToken),
  },
});
