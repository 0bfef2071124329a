import { Initial1763800000000 } from './1763800000000-initial';
import { Commendations1763900000000 } from './1763900000000-commendations';
import { MemberFederationCover1764000000000 } from './1764000000000-member-federation-cover';
import { UnionYear1764100000000 } from './1764100000000-union-year';
import { AwardOncePerLifetime1764250000000 } from './1764250000000-award-once-per-lifetime';
import { ApiTokens1764260000000 } from './1764260000000-api-tokens';

/** Every migration, oldest first. A new one is added here and never edited after it lands. */
export const MIGRATIONS = [Initial1763800000000, Commendations1763900000000, MemberFederationCover1764000000000, UnionYear1764100000000, AwardOncePerLifetime1764250000000, ApiTokens1764260000000];
