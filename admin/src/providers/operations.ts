/**
 * Every GraphQL operation the panel writes by hand (react-admin's CRUD is built by
 * ra-data-graphql-simple from the schema). `npm run codegen` reads the `/* GraphQL *\/` strings
 * below and writes their result and variable types into ../generated/graphql.ts; `npm run check`
 * fails when that file is stale. Plain strings, no Babel plugin: each document carries its types
 * as a phantom, so `gqlRequest(ME, {})` is typed by what it asks for.
 *
 * Pure module (no React, no browser API): test/panel-rules.test.ts signs in with these documents.
 */
import type * as G from '../generated/graphql';

/** A document as sent over the wire, tagged with the types codegen generated for it. */
export type Operation<TData, TVariables> = string & { readonly __data?: TData; readonly __variables?: TVariables };

/** A document and the fragments it spreads, sent as one text. */
const doc = <TData, TVariables>(...parts: string[]) => parts.join('\n') as Operation<TData, TVariables>;

// Fragments: each is appended to the documents that spread it.

export const UNIT_REF = /* GraphQL */ `
  fragment UnitRef on OrgUnit {
    ... on Federation { id name level }
    ... on Union { id name level federationId }
    ... on GrassrootsUnion { id name level federationId unionId }
    ... on Team { id name level federationId unionId grassrootsUnionId }
  }
`;

/** What the panel keeps of the signed-in account: who it is, where, and what the server says it may do. */
const SESSION_USER = /* GraphQL */ `
  fragment SessionUser on User {
    id username fullName role scopeUnitId memberId
    permissions grantableRoles reviewLevel
    scopeUnit {
      ... on Federation { id name level }
      ... on Union { id name level }
      ... on GrassrootsUnion { id name level }
      ... on Team { id name level }
    }
  }
`;

const NOMINATION_STATE = /* GraphQL */ `
  fragment NominationState on Nomination { id status currentLevel version }
`;

// The account.

/** The whole session in one answer: the server reads `user { … }` as the account that has just signed in. */
export const LOGIN = doc<G.LoginMutation, G.LoginMutationVariables>(
  /* GraphQL */ `
    mutation Login($username: String!, $password: String!) {
      login(username: $username, password: $password) { token user { ...SessionUser } }
    }
  `,
  SESSION_USER,
);

export const ME = doc<G.MeQuery, G.MeQueryVariables>(
  /* GraphQL */ `
    query Me { me { ...SessionUser } }
  `,
  SESSION_USER,
);

// The nomination workflow.

export const SUBMIT_NOMINATION = doc<G.SubmitNominationMutation, G.SubmitNominationMutationVariables>(
  /* GraphQL */ `
    mutation SubmitNomination($id: ID!) { submitNomination(id: $id) { ...NominationState } }
  `,
  NOMINATION_STATE,
);

export const WITHDRAW_NOMINATION = doc<G.WithdrawNominationMutation, G.WithdrawNominationMutationVariables>(
  /* GraphQL */ `
    mutation WithdrawNomination($id: ID!) { withdrawNomination(id: $id) { ...NominationState } }
  `,
  NOMINATION_STATE,
);

export const REVIEW_NOMINATION = doc<G.ReviewNominationMutation, G.ReviewNominationMutationVariables>(
  /* GraphQL */ `
    mutation ReviewNomination($id: ID!, $decision: ReviewDecision!, $comment: String, $version: Int) {
      reviewNomination(id: $id, decision: $decision, comment: $comment, version: $version) {
        ...NominationState
        award { id decisionNumber }
      }
    }
  `,
  NOMINATION_STATE,
);

export const REVIEW_NOMINATIONS = doc<G.ReviewNominationsMutation, G.ReviewNominationsMutationVariables>(/* GraphQL */ `
  mutation ReviewNominations($ids: [ID!]!, $decision: ReviewDecision!, $comment: String) {
    reviewNominations(ids: $ids, decision: $decision, comment: $comment) { id ok code rule message }
  }
`);

export const RECORD_CONFEDERATION_DECISION = doc<G.RecordConfederationDecisionMutation, G.RecordConfederationDecisionMutationVariables>(
  /* GraphQL */ `
    mutation RecordConfederationDecision($id: ID!, $approved: Boolean!, $decisionNumber: String, $decidedAt: String, $comment: String) {
      recordConfederationDecision(id: $id, approved: $approved, decisionNumber: $decisionNumber, decidedAt: $decidedAt, comment: $comment) {
        ...NominationState
      }
    }
  `,
  NOMINATION_STATE,
);

// Members.

export const IMPORT_MEMBERS = doc<G.ImportMembersMutation, G.ImportMembersMutationVariables>(/* GraphQL */ `
  mutation ImportMembers($grassrootsUnionId: ID!, $rows: [MemberImportRow!]!, $mode: ImportMode!, $dryRun: Boolean!) {
    importMembers(grassrootsUnionId: $grassrootsUnionId, rows: $rows, mode: $mode, dryRun: $dryRun) {
      total valid imported
      errors { row column message rule otherRow }
    }
  }
`);

// Figures and the tree.

export const OVERVIEW = doc<G.OverviewQuery, G.OverviewQueryVariables>(/* GraphQL */ `
  query Overview($unitId: ID) {
    overview(unitId: $unitId) { federations unions grassrootsUnions teams members women pendingNominations awardsThisYear year }
  }
`);

export const MEMBER_STATS = doc<G.MemberStatsQuery, G.MemberStatsQueryVariables>(
  /* GraphQL */ `
    query MemberStats($unitId: ID) { memberStats(by: [CHILD_UNIT], unitId: $unitId) { unitId count unit { ...UnitRef } } }
  `,
  UNIT_REF,
);

export const AWARD_STATS = doc<G.AwardStatsQuery, G.AwardStatsQueryVariables>(/* GraphQL */ `
  query AwardStats($unitId: ID, $year: Int) {
    awardStats(by: [AWARD_TYPE, YEAR], unitId: $unitId, year: $year) { awardTypeId year count awardType { code name } }
  }
`);

/** The figures page: members counted by any dimensions, under any unit of the caller's scope. */
export const FIGURE_MEMBERS = doc<G.FigureMembersQuery, G.FigureMembersQueryVariables>(
  /* GraphQL */ `
    query FigureMembers($unitId: ID, $by: [MemberDimension!]!, $filter: MemberFilter, $activeOnly: Boolean!) {
      memberStats(by: $by, unitId: $unitId, filter: $filter, activeOnly: $activeOnly) { count unitId unit { ...UnitRef } gender ageBand ethnicity joinYear status }
    }
  `,
  UNIT_REF,
);

export const FIGURE_AWARDS = doc<G.FigureAwardsQuery, G.FigureAwardsQueryVariables>(
  /* GraphQL */ `
    query FigureAwards($unitId: ID, $by: [AwardDimension!]!, $filter: AwardFilter) {
      awardStats(by: $by, unitId: $unitId, filter: $filter) { count unitId unit { ...UnitRef } awardTypeId awardType { code name } year decidingLevel }
    }
  `,
  UNIT_REF,
);

export const FIGURE_NOMINATIONS = doc<G.FigureNominationsQuery, G.FigureNominationsQueryVariables>(
  /* GraphQL */ `
    query FigureNominations($unitId: ID, $by: [NominationDimension!]!, $filter: NominationFilter) {
      nominationStats(by: $by, unitId: $unitId, filter: $filter) { count unitId unit { ...UnitRef } awardTypeId awardType { code name } year status currentLevel }
    }
  `,
  UNIT_REF,
);

// Decisions.

/**
 * The awards of one decision (its number, in its year), for printing the decision and the
 * certificates; the signer only for accounts that may read accounts.
 */
export const DECISION_AWARDS = doc<G.DecisionAwardsQuery, G.DecisionAwardsQueryVariables>(/* GraphQL */ `
  query DecisionAwards($filter: AwardFilter!, $withSigner: Boolean!) {
    allAwards(filter: $filter, perPage: 1000, sortField: "nomineeName", sortOrder: "ASC") {
      id nomineeName nomineeMemberId nomineeUnitId year decidedAt decisionNumber decidingUnitId decidedById
      grassrootsUnionId unionId federationId
      awardType { id code name nomineeKind decidingLevel }
      decidedBy @include(if: $withSigner) { fullName }
    }
  }
`);

export const ORG_UNIT = doc<G.OrgUnitQuery, G.OrgUnitQueryVariables>(
  /* GraphQL */ `
    query OrgUnit($id: ID!) { orgUnit(id: $id) { ...UnitRef } }
  `,
  UNIT_REF,
);

// The account's personal API tokens (issue 11).

const API_TOKEN = /* GraphQL */ `
  fragment ApiTokenRow on ApiToken { id name createdAt expiresAt lastUsedAt }
`;

export const API_TOKENS = doc<G.ApiTokensQuery, G.ApiTokensQueryVariables>(
  /* GraphQL */ `
    query ApiTokens { allApiTokens(sortField: "createdAt", sortOrder: "DESC") { ...ApiTokenRow } }
  `,
  API_TOKEN,
);

export const CREATE_API_TOKEN = doc<G.CreateApiTokenMutation, G.CreateApiTokenMutationVariables>(
  /* GraphQL */ `
    mutation CreateApiToken($name: String!, $days: Int) { createApiToken(name: $name, expiresInDays: $days) { token apiToken { ...ApiTokenRow } } }
  `,
  API_TOKEN,
);

export const REVOKE_API_TOKEN = doc<G.RevokeApiTokenMutation, G.RevokeApiTokenMutationVariables>(/* GraphQL */ `
  mutation RevokeApiToken($id: ID!) { deleteApiToken(id: $id) { id } }
`);

// The union's year (issue 9).

export const YEAR_REPORT = doc<G.YearReportQuery, G.YearReportQueryVariables>(
  /* GraphQL */ `
    query YearReport($unitId: ID!, $year: Int!) {
      yearReport(unitId: $unitId, year: $year) {
        unitId year members newMembers undatedMembers grassrootsUnions
        unit { ...UnitRef }
        targets {
          total met
          rows { id planned actual rate reportedRate rateGap status source indicator { code name unit } }
        }
        welfare { count amount byKind { kind count amount records } }
        initiatives { count recognized applied benefit }
        ratings { level count }
        grassrootsRatings { level count }
        awards { count awardType { code name } }
        congresses { id unitId heldOn ordinal termStartYear termEndYear form convenedCount attendedCount quorate unit { ...UnitRef } }
      }
    }
  `,
  UNIT_REF,
);

const YEAR_IMPORT_REPORT = /* GraphQL */ `
  fragment YearImportOutcome on YearImportReport { total valid imported errors { row column code message } }
`;

export const IMPORT_TARGETS = doc<G.ImportTargetsMutation, G.ImportTargetsMutationVariables>(
  /* GraphQL */ `
    mutation ImportTargets($unitId: ID!, $rows: [TargetImportRow!]!, $dryRun: Boolean!) {
      importTargets(unitId: $unitId, rows: $rows, dryRun: $dryRun) { ...YearImportOutcome }
    }
  `,
  YEAR_IMPORT_REPORT,
);

export const IMPORT_WELFARE = doc<G.ImportWelfareRecordsMutation, G.ImportWelfareRecordsMutationVariables>(
  /* GraphQL */ `
    mutation ImportWelfareRecords($unitId: ID!, $rows: [WelfareImportRow!]!, $dryRun: Boolean!) {
      importWelfareRecords(unitId: $unitId, rows: $rows, dryRun: $dryRun) { ...YearImportOutcome }
    }
  `,
  YEAR_IMPORT_REPORT,
);
