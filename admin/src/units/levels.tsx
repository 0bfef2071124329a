import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import ApartmentIcon from '@mui/icons-material/Apartment';
import Diversity3Icon from '@mui/icons-material/Diversity3';
import GroupsIcon from '@mui/icons-material/Groups';
import type { ComponentType } from 'react';
import type { UnitLevel } from '../providers/sessionUser';

/** A parent of a unit level: a list column and filter, a line of the details tab, a form input. */
export interface ParentSpec {
  level: UnitLevel;
  /** required in the form (a grassroots union's upper union is not: without one it sits under its federation) */
  required?: boolean;
  /** the form asks for it only while this other parent field is empty */
  onlyWithout?: string;
  helperText?: string;
  /** read-only in the create form of an account scoped to that very parent (a chair adds teams to its own grassroots union) */
  fixedForScope?: boolean;
  /** the list filter's width */
  filterWidth: number;
}

/** Every level but the top one hangs under another. */
export type ChildLevel = Exclude<UnitLevel, 'FEDERATION'>;

/** What differs between the four unit levels; everything else of their screens is one code (units/index.tsx). */
export interface UnitLevelScreens {
  level: UnitLevel;
  icon: ComponentType;
  /** nearest first: the columns, the details and the form in this order, the list filters top down */
  parents: ParentSpec[];
  /** a tab per child level, with the child's own parent column when it may hang at two places */
  children: Array<{ level: ChildLevel; showParent?: UnitLevel }>;
  /** the list shows the creation date (a federation has no parent column) */
  listsCreatedAt?: boolean;
  /** "Add a member" on the unit's page: members belong to a grassroots union */
  addsMembers?: boolean;
}

export const UNIT_SCREENS: Record<UnitLevel, UnitLevelScreens> = {
  FEDERATION: {
    level: 'FEDERATION',
    icon: AccountBalanceIcon,
    parents: [],
    children: [{ level: 'UNION' }, { level: 'GRASSROOTS', showParent: 'UNION' }],
    listsCreatedAt: true,
  },
  UNION: {
    level: 'UNION',
    icon: ApartmentIcon,
    parents: [{ level: 'FEDERATION', required: true, filterWidth: 260 }],
    children: [{ level: 'GRASSROOTS' }],
  },
  GRASSROOTS: {
    level: 'GRASSROOTS',
    icon: GroupsIcon,
    parents: [
      { level: 'UNION', helperText: 'resources.grassrootsUnions.helper.unionId', filterWidth: 240 },
      { level: 'FEDERATION', required: true, onlyWithout: 'unionId', filterWidth: 240 },
    ],
    children: [{ level: 'TEAM' }],
    addsMembers: true,
  },
  TEAM: {
    level: 'TEAM',
    icon: Diversity3Icon,
    parents: [{ level: 'GRASSROOTS', required: true, fixedForScope: true, filterWidth: 280 }],
    children: [],
  },
};

/** The tab that lists the children of each level (label, URL path). */
export const CHILD_TAB: Record<ChildLevel, { label: string; path: string }> = {
  UNION: { label: 'cd.common.unions', path: 'unions' },
  GRASSROOTS: { label: 'cd.common.grassroots', path: 'grassroots' },
  TEAM: { label: 'cd.common.teams', path: 'teams' },
};
