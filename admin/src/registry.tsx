import AssessmentIcon from '@mui/icons-material/Assessment';
import PostAddIcon from '@mui/icons-material/PostAdd';
import BarChartIcon from '@mui/icons-material/BarChart';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ComponentType, ReactElement } from 'react';
import type { ResourceProps } from 'react-admin';
import { ApiTokensPage } from './apiTokens/ApiTokensPage';
import { ApprovalDesk } from './approvals/ApprovalDesk';
import { Guarded } from './common/AccessDenied';
import auditEvents from './auditEvents';
import awardDecisions from './awardDecisions';
import awards from './awards';
import awardTypes from './awardTypes';
import { FiguresPage } from './figures/FiguresPage';
import members from './members';
import { ImportPage } from './memberImport';
import nominations from './nominations';
import type { CanAccessParams } from './providers/canAccess';
import type { ResourceName } from './providers/resources';
import { unitResource } from './units';
import users from './users';
import { YearImportPage } from './year/YearImportPage';
import { YearReportPage } from './year/YearReportPage';
import { yearScreens } from './year/specs';


/**
 * Every resource and page of the panel, once: App.tsx registers them (<Resource>, routes) and the
 * menu shows them (by section, in this order, each when canAccess allows). A new resource is one
 * line here.
 */

type Screens = Omit<ResourceProps, 'name'>;
export type ResourceEntry = { kind: 'resource'; name: ResourceName; screens: Screens };
export type PageEntry = { kind: 'page'; path: string; element: ReactElement; label: string; icon: ComponentType; access: CanAccessParams };
export type MenuSection = { label: string; entries: Array<ResourceEntry | PageEntry> };

const resource = <N extends ResourceName>(name: N, screens: Screens): ResourceEntry & { name: N } => ({ kind: 'resource', name, screens });

export const MENU = [
  {
    label: 'cd.menu.organisation',
    entries: [
      resource('federations', unitResource('FEDERATION')),
      resource('unions', unitResource('UNION')),
      resource('grassrootsUnions', unitResource('GRASSROOTS')),
      resource('teams', unitResource('TEAM')),
    ],
  },
  {
    label: 'cd.menu.members',
    entries: [
      resource('members', members),
      {
        kind: 'page',
        path: '/import',
        element: (
          <Guarded access={{ resource: 'memberImport', action: 'create' }}>
            <ImportPage />
          </Guarded>
        ),
        label: 'cd.menu.import',
        icon: UploadFileIcon,
        access: { resource: 'memberImport', action: 'create' },
      },
    ],
  },
  {
    label: 'cd.menu.commendation',
    entries: [resource('nominations', nominations), resource('awards', awards), resource('awardDecisions', awardDecisions), resource('awardTypes', awardTypes)],
  },
  {
    label: 'cd.menu.year',
    entries: [
      {
        kind: 'page',
        path: '/year-report',
        element: <YearReportPage />,
        label: 'cd.menu.year_report',
        icon: AssessmentIcon,
        access: { resource: 'yearReport', action: 'read' },
      },
      resource('targets', yearScreens.targets),
      resource('welfareRecords', yearScreens.welfareRecords),
      resource('annualRatings', yearScreens.annualRatings),
      resource('initiatives', yearScreens.initiatives),
      resource('congresses', yearScreens.congresses),
      resource('committeeSeats', yearScreens.committeeSeats),
      resource('emulationMovements', yearScreens.emulationMovements),
      resource('emulationClusters', yearScreens.emulationClusters),
      resource('clusterEntries', yearScreens.clusterEntries),
      resource('indicators', yearScreens.indicators),
      {
        kind: 'page',
        path: '/year-import',
        element: <YearImportPage />,
        label: 'cd.menu.year_import',
        icon: PostAddIcon,
        access: { resource: 'yearImport', action: 'create' },
      },
      resource('yearEndConferences', yearScreens.yearEndConferences),
    ],
  },
  {
    label: 'cd.menu.figures_section',
    entries: [
      {
        kind: 'page',
        path: '/figures',
        element: <FiguresPage />,
        label: 'cd.menu.figures',
        icon: BarChartIcon,
        access: { resource: 'figures', action: 'list' },
      },
    ],
  },
  {
    label: 'cd.menu.system',
    entries: [resource('users', users), resource('auditEvents', auditEvents)],
  },
] satisfies MenuSection[];

/** Pages outside the sections: the approval desk heads the menu, with its count (layout/Menu.tsx). */
const OTHER_PAGES: Array<Pick<PageEntry, 'path' | 'element'>> = [
  {
    path: '/approvals',
    element: (
      <Guarded access={{ resource: 'approvals', action: 'list' }}>
        <ApprovalDesk />
      </Guarded>
    ),
  },
  // every signed-in account manages its own tokens (reached from the account menu)
  { path: '/api-tokens', element: <ApiTokensPage /> },
];

const entries = MENU.flatMap<ResourceEntry | PageEntry>((s) => s.entries);
export const RESOURCES = entries.filter((e): e is ResourceEntry => e.kind === 'resource');
export const PAGES = [...OTHER_PAGES, ...entries.filter((e): e is PageEntry => e.kind === 'page')];

// Every resource of the data provider has its screens here: a missing one fails the type check, by name.
type Registered = (typeof MENU)[number]['entries'][number] extends infer E ? (E extends ResourceEntry ? E['name'] : never) : never;
type Unregistered = Exclude<ResourceName, Registered>;
export const EVERY_RESOURCE_REGISTERED: [Unregistered] extends [never] ? true : Unregistered = true;
