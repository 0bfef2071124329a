import { defineModule } from '../kit/module';
import { CallerCache } from '../auth/caller-cache';
import { OrgUnit, OrgUnitMove } from './org-unit.entity';
import { UNIT_RESOURCES } from './org.types';
import { UnitLevel } from './org-level';
import { OrgService, UnitService } from './org.service';
import { ORG_RESOLVERS } from './org.resolver';

/** The union tree: federations, unions, grassroots unions, teams, and their moves. */
export default defineModule({
  name: 'org',
  entities: [OrgUnit, OrgUnitMove],
  resources: Object.values(UNIT_RESOURCES),
  resolvers: [...ORG_RESOLVERS],
  services: {
    /** accounts' callers, remembered per token and forgotten when the tree or an account changes */
    callers: (): CallerCache => new CallerCache(),
    org: ({ db, audit, services }): OrgService => new OrgService(db, audit, services.callers),
    /** the CRUD of each unit type */
    units: ({ db, audit, services }): Record<UnitLevel, UnitService> =>
      Object.fromEntries(
        (Object.keys(UNIT_RESOURCES) as UnitLevel[]).map((level) => [level, new UnitService(UNIT_RESOURCES[level], level, services.org, db, audit)]),
      ) as Record<UnitLevel, UnitService>,
  },
});
