/**
 * Write integrity, every mutation of the schema (login aside: it writes nothing), on MariaDB:
 *
 * 1. a successful write leaves exactly its audit rows (who: the account; what: action, entity type,
 *    entity id), and nothing else changes when the audit row cannot be written: a trigger made in
 *    this test's own database refuses every insert into audit_event (SIGNAL SQLSTATE '45000') while
 *    the mutation runs once, and every table's checksum and row count must be as before, the client
 *    answered with a code (INTERNAL_SERVER_ERROR), never a half-done write;
 * 2. refusals midway (row 37 of 40 bad in an all-or-nothing import, one valid and one invalid field,
 *    a move undone by a later check) leave every table as it was;
 * 3. a later statement failing (the award, the move history, the second chunk of an import) rolls
 *    the whole write back, and a batch of reviews reports it in that id's row;
 * 4. history: members who leave keep their awards and nominations, moved units their moves, deleting
 *    a year record that others reference is refused or cascades with its audit rows.
 */
import { Api, startTestServer, TestServer } from './support/harness';
import { ACCOUNTS, AccountName } from './support/fixture';
import { YEAR, login } from './support/nominations';
import { Outcome, run } from './support/year';

let t: TestServer;
const api = {} as Record<AccountName, Api>;

beforeAll(async () => {
  t = await startTestServer();
  for (const a of Object.keys(ACCOUNTS) as AccountName[]) api[a] = await t.as(a);
}, 120_000);
afterAll(() => t?.stop());

// ─── The database as a whole ────────────────────────────────────────────────────────────────────

/** Every table's row count and checksum (CHECKSUM TABLE reads every row of an InnoDB table). */
async function snapshot(): Promise<Record<string, string>> {
  const tables: string[] = (
    await t.ds.query(`SELECT TABLE_NAME AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`)
  ).map((r: { n: string }) => r.n);
  const sums = await t.ds.query(`CHECKSUM TABLE ${tables.map((n) => `\`${n}\``).join(', ')}`);
  const counts = await t.ds.query(tables.map((n) => `SELECT '${n}' AS n, COUNT(*) AS c FROM \`${n}\``).join(' UNION ALL '));
  const out: Record<string, string> = {};
  for (const r of sums) out[String(r.Table).split('.').pop()!] = `sum ${r.Checksum}`;
  for (const r of counts) out[r.n] += ` rows ${r.c}`;
  return out;
}

let triggerSeq = 0;
/** Runs `fn` while `table` refuses a write (when `when` holds of the row, SQL over NEW / OLD). */
async function refusing<T>(table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', fn: () => Promise<T>, when = 'TRUE'): Promise<T> {
  const name = `test_refuse_${table}_${++triggerSeq}`;
  await t.ds.query(
    `CREATE TRIGGER ${name} BEFORE ${event} ON \`${table}\` FOR EACH ROW BEGIN IF ${when} THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: ${table} refuses'; END IF; END`,
  );
  try {
    return await fn();
  } finally {
    await t.ds.query(`DROP TRIGGER ${name}`);
  }
}

interface AuditRow {
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: number;
  unitId: number | null;
  before: string | null;
  after: string | null;
}
const lastAuditId = async (): Promise<number> => Number((await t.ds.query('SELECT COALESCE(MAX(id), 0) AS m FROM audit_event'))[0].m);
async function auditSince(id: number): Promise<AuditRow[]> {
  const rows = await t.ds.query(
    'SELECT actor_id AS actorId, actor_name AS actorName, action, entity_type AS entityType, entity_id AS entityId, unit_id AS unitId, `before`, `after` FROM audit_event WHERE id > ? ORDER BY id',
    [id],
  );
  return rows.map((r: AuditRow) => ({ ...r, actorId: r.actorId == null ? null : Number(r.actorId), entityId: Number(r.entityId), unitId: r.unitId == null ? null : Number(r.unitId) }));
}
const one = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0];

const fx = () => t.fx;
const u = (k: 'F1' | 'F2' | 'U1' | 'U2' | 'G1' | 'G2' | 'G3' | 'G4' | 'T1' | 'T2' | 'T3') => String(t.fx[k].id);
const m = (k: string) => String(t.fx.m[k].id);
const typeId = async (code: string) => String((await one('SELECT id FROM award_type WHERE code = ?', [code])).id);
const ok = (o: Outcome) => {
  if (!o.ok) throw new Error(`${o.code}: ${o.message}`);
  return o.data;
};

// ─── Nominations made ready for a step ──────────────────────────────────────────────────────────

const NOMINATE = `mutation($t: ID!, $y: Int!, $a: String!, $m: ID, $u: ID) { x: createNomination(awardTypeId: $t, year: $y, achievements: $a, nomineeMemberId: $m, nomineeUnitId: $u) { id } }`;
const SUBMIT = `mutation($id: ID!) { x: submitNomination(id: $id) { id status currentLevel } }`;
const REVIEW = `mutation($id: ID!, $d: ReviewDecision!, $c: String) { x: reviewNomination(id: $id, decision: $d, comment: $c) { id status currentLevel award { id decisionNumber } } }`;
const REVIEW_MANY = `mutation($ids: [ID!]!, $d: ReviewDecision!, $c: String) { x: reviewNominations(ids: $ids, decision: $d, comment: $c) { id ok code rule nomination { id status award { id decisionNumber } } } }`;
const RECORD = `mutation($id: ID!, $ok: Boolean!, $no: String) { x: recordConfederationDecision(id: $id, approved: $ok, decisionNumber: $no) { id status award { id decisionNumber } } }`;

/** A chair's nomination of a G1 member, submitted (PENDING at the first level above G1 or at G1 when it decides). */
async function pending(code: string, member: string, submit = true): Promise<string> {
  const id = ok(await run(api.chair, NOMINATE, { t: await typeId(code), y: YEAR, a: 'Hoàn thành xuất sắc nhiệm vụ', m: member })).x.id;
  if (submit) ok(await run(api.chair, SUBMIT, { id }));
  return id;
}
let memberSeq = 0;
/** A new member of G1 (so that nominations never meet the once-a-year rules of another test). */
async function newMember(g = u('G1')): Promise<string> {
  return ok(await run(api.sysadmin, `mutation($n: String!, $g: ID!) { x: createMember(fullName: $n, gender: MALE, grassrootsUnionId: $g) { id } }`, { n: `Trịnh Văn Thử ${++memberSeq}`, g })).x.id;
}

// ─── 1. Every mutation: its audit rows, and nothing at all when they cannot be written ──────────

interface Case {
  /** the mutation covered */
  mutation: string;
  as: AccountName;
  query: string;
  vars?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** [action, entity type] of each audit row the write leaves, in order */
  audit: [string, string][];
  /** the id the first audit row names (default: data.x.id) */
  entityId?: (data: any) => string | undefined;
  /** what the test remembers of the answer */
  keep?: (data: any) => void;
  /** a mutation that is always refused: its code (nothing changes, no audit row) */
  refusedWith?: string;
}

const S: Record<string, string> = {};
const keepId = (k: string) => (d: any) => (S[k] = d.x.id);
const q = (field: string, args: string, select = 'id') => `mutation { x: ${field}(${args}) { ${select} } }`;
const str = JSON.stringify;

const CASES: Case[] = [
  // the organisation
  { mutation: 'createFederation', as: 'sysadmin', query: q('createFederation', 'name: "Liên đoàn Lao động thử"'), audit: [['CREATE', 'Federation']], keep: keepId('F') },
  { mutation: 'updateFederation', as: 'sysadmin', query: '', vars: () => ({}), audit: [['UPDATE', 'Federation']] },
  { mutation: 'createUnion', as: 'sysadmin', query: '', audit: [['CREATE', 'Union']], keep: keepId('U') },
  { mutation: 'updateUnion', as: 'sysadmin', query: '', audit: [['UPDATE', 'Union']] },
  { mutation: 'createGrassrootsUnion', as: 'sysadmin', query: '', audit: [['CREATE', 'GrassrootsUnion']], keep: keepId('G') },
  { mutation: 'updateGrassrootsUnion', as: 'sysadmin', query: '', audit: [['UPDATE', 'GrassrootsUnion']] },
  { mutation: 'createTeam', as: 'sysadmin', query: '', audit: [['CREATE', 'Team']], keep: keepId('T') },
  { mutation: 'updateTeam', as: 'sysadmin', query: '', audit: [['UPDATE', 'Team']] },
  { mutation: 'moveUnit', as: 'sysadmin', query: '', audit: [['MOVE', 'GrassrootsUnion']] },
  { mutation: 'updateUnion (moves it)', as: 'sysadmin', query: '', audit: [['MOVE', 'Union']] },
  { mutation: 'deleteTeam', as: 'sysadmin', query: '', audit: [['DELETE', 'Team']] },
  { mutation: 'deleteGrassrootsUnion', as: 'sysadmin', query: '', audit: [['DELETE', 'GrassrootsUnion']] },
  { mutation: 'deleteUnion', as: 'sysadmin', query: '', audit: [['DELETE', 'Union']] },
  { mutation: 'deleteFederation', as: 'sysadmin', query: '', audit: [['DELETE', 'Federation']] },
  // members
  { mutation: 'createMember', as: 'chair', query: '', audit: [['CREATE', 'Member']], keep: keepId('M') },
  { mutation: 'updateMember', as: 'chair', query: '', audit: [['UPDATE', 'Member']] },
  { mutation: 'updateMember (transfer)', as: 'unionAdmin', query: '', audit: [['TRANSFER', 'Member']] },
  { mutation: 'deleteMember', as: 'unionAdmin', query: '', audit: [['DELETE', 'Member']] },
  { mutation: 'importMembers', as: 'chair', query: '', audit: [['IMPORT', 'Member'], ['IMPORT', 'Member']], entityId: () => undefined },
  // accounts
  { mutation: 'createUser', as: 'fedAdmin', query: '', audit: [['CREATE', 'User']], keep: keepId('User') },
  { mutation: 'updateUser', as: 'fedAdmin', query: '', audit: [['UPDATE', 'User']] },
  { mutation: 'updateUser (password)', as: 'fedAdmin', query: '', audit: [['UPDATE', 'User']] },
  { mutation: 'updateUser (role)', as: 'fedAdmin', query: '', audit: [['UPDATE', 'User']] },
  { mutation: 'deleteUser', as: 'fedAdmin', query: '', audit: [['DELETE', 'User']] },
  { mutation: 'createApiToken', as: 'chair', query: '', audit: [['CREATE', 'ApiToken']], entityId: (d) => d.x.apiToken.id, keep: (d) => (S.token = d.x.apiToken.id) },
  { mutation: 'deleteApiToken', as: 'chair', query: '', audit: [['DELETE', 'ApiToken']] },
  // award types
  { mutation: 'createAwardType', as: 'sysadmin', query: '', audit: [['CREATE', 'AwardType']], keep: keepId('AT') },
  { mutation: 'updateAwardType', as: 'sysadmin', query: '', audit: [['UPDATE', 'AwardType']] },
  { mutation: 'deleteAwardType', as: 'sysadmin', query: '', audit: [['DELETE', 'AwardType']] },
  // the nomination workflow
  { mutation: 'createNomination', as: 'chair', query: '', audit: [['CREATE', 'Nomination']], keep: keepId('N1') },
  { mutation: 'updateNomination', as: 'chair', query: '', audit: [['UPDATE', 'Nomination']] },
  { mutation: 'submitNomination', as: 'chair', query: '', audit: [['SUBMIT', 'Nomination']] },
  { mutation: 'reviewNomination (RETURN)', as: 'sysadmin', query: '', audit: [['RETURN', 'Nomination']] },
  { mutation: 'reviewNomination (APPROVE)', as: 'sysadmin', query: '', audit: [['CREATE', 'Award'], ['APPROVE', 'Nomination']], entityId: (d) => d.x.award.id, keep: (d) => (S.award = d.x.award.id) },
  { mutation: 'deleteAward', as: 'sysadmin', query: 'mutation($id: ID!) { x: deleteAward(id: $id) { id } }', vars: () => ({ id: S.award }), audit: [], refusedWith: 'FORBIDDEN' },
  { mutation: 'withdrawNomination', as: 'chair', query: '', audit: [['WITHDRAW', 'Nomination']] },
  { mutation: 'deleteNomination', as: 'chair', query: '', audit: [['WITHDRAW', 'Nomination']] },
  { mutation: 'reviewNominations', as: 'sysadmin', query: '', audit: [['CREATE', 'Award'], ['APPROVE', 'Nomination'], ['CREATE', 'Award'], ['APPROVE', 'Nomination']], entityId: () => undefined },
  { mutation: 'recordConfederationDecision', as: 'fedAdmin', query: '', audit: [['CREATE', 'Award'], ['CONFEDERATION_APPROVE', 'Nomination']], entityId: (d) => d.x.award.id },
  // the union's year
  ...yearCases(),
  { mutation: 'importTargets', as: 'chair', query: '', audit: [['IMPORT', 'Target'], ['IMPORT', 'Target']], entityId: () => undefined },
  { mutation: 'importWelfareRecords', as: 'chair', query: '', audit: [['IMPORT', 'WelfareRecord'], ['IMPORT', 'WelfareRecord']], entityId: () => undefined },
];

/** Create, update and delete of each record type of the union's year. */
function yearCases(): Case[] {
  return [
    'EmulationMovement', 'EmulationCluster', 'ClusterEntry', 'AnnualRating', 'Indicator', 'Target', 'WelfareRecord', 'Initiative',
    'Congress', 'CommitteeSeat', 'RuleThreshold', 'YearEndConference',
  ].flatMap((type) => [
    { mutation: `create${type}`, as: 'chair' as AccountName, query: '', audit: [['CREATE', type]] as [string, string][], keep: keepId(type) },
    { mutation: `update${type}`, as: 'chair' as AccountName, query: '', audit: [['UPDATE', type]] as [string, string][] },
  ]);
}
const YEAR_DELETES: Case[] = [
  'EmulationMovement', 'ClusterEntry', 'EmulationCluster', 'AnnualRating', 'Target', 'Indicator', 'WelfareRecord', 'Initiative', 'CommitteeSeat', 'Congress',
  'RuleThreshold', 'YearEndConference',
].map((type) => ({ mutation: `delete${type}`, as: 'chair' as AccountName, query: '', audit: [['DELETE', type]] as [string, string][] }));

/** The query, variables and account of each case (filled here so that ids made by earlier cases are at hand). */
const RUN: Record<string, Partial<Case>> = {
  updateFederation: { query: q('updateFederation', 'id: $id, name: "Liên đoàn Lao động thử (đổi tên)"').replace('mutation', 'mutation($id: ID!)'), vars: () => ({ id: S.F }) },
  createUnion: { vars: () => ({ p: S.F }), query: 'mutation($p: ID!) { x: createUnion(name: "Công đoàn ngành thử", federationId: $p) { id } }' },
  updateUnion: { vars: () => ({ id: S.U }), query: 'mutation($id: ID!) { x: updateUnion(id: $id, name: "Công đoàn ngành thử (đổi tên)") { id } }' },
  createGrassrootsUnion: { vars: () => ({ p: S.U }), query: 'mutation($p: ID!) { x: createGrassrootsUnion(name: "CĐCS thử", unionId: $p) { id } }' },
  updateGrassrootsUnion: { vars: () => ({ id: S.G }), query: 'mutation($id: ID!) { x: updateGrassrootsUnion(id: $id, code: "CDCS_THU") { id } }' },
  createTeam: { vars: () => ({ p: S.G }), query: 'mutation($p: ID!) { x: createTeam(name: "Tổ thử", grassrootsUnionId: $p) { id } }' },
  updateTeam: { vars: () => ({ id: S.T }), query: 'mutation($id: ID!) { x: updateTeam(id: $id, name: "Tổ thử (đổi tên)") { id } }' },
  moveUnit: { vars: () => ({ id: S.G, p: u('U1') }), query: 'mutation($id: ID!, $p: ID!) { x: moveUnit(id: $id, parentId: $p) { ... on GrassrootsUnion { id } } }' },
  'updateUnion (moves it)': { vars: () => ({ id: S.U, p: u('F2') }), query: 'mutation($id: ID!, $p: ID!) { x: updateUnion(id: $id, federationId: $p) { id } }' },
  deleteTeam: { vars: () => ({ id: S.T }), query: 'mutation($id: ID!) { x: deleteTeam(id: $id) { id } }' },
  deleteGrassrootsUnion: { vars: () => ({ id: S.G }), query: 'mutation($id: ID!) { x: deleteGrassrootsUnion(id: $id) { id } }' },
  deleteUnion: { vars: () => ({ id: S.U }), query: 'mutation($id: ID!) { x: deleteUnion(id: $id) { id } }' },
  deleteFederation: { vars: () => ({ id: S.F }), query: 'mutation($id: ID!) { x: deleteFederation(id: $id) { id } }' },

  createMember: { vars: () => ({ g: u('G1'), t: u('T1') }), query: 'mutation($g: ID!, $t: ID) { x: createMember(fullName: "Đỗ Thị Thử", gender: FEMALE, grassrootsUnionId: $g, teamId: $t, cardNumber: "WI-1") { id } }' },
  updateMember: { vars: () => ({ id: S.M }), query: 'mutation($id: ID!) { x: updateMember(id: $id, phone: "0912345678") { id } }' },
  'updateMember (transfer)': { vars: () => ({ id: S.M, g: u('G2') }), query: 'mutation($id: ID!, $g: ID!) { x: updateMember(id: $id, grassrootsUnionId: $g) { id } }' },
  deleteMember: { vars: () => ({ id: S.M }), query: 'mutation($id: ID!) { x: deleteMember(id: $id) { id } }' },
  importMembers: {
    vars: () => ({ g: u('G1'), rows: [1, 2].map((n) => ({ fullName: `Nguyễn Văn Nhập ${n}`, gender: 'Nam', cardNumber: `WI-IMP-${n}` })) }),
    query: 'mutation($g: ID!, $rows: [MemberImportRow!]!) { x: importMembers(grassrootsUnionId: $g, rows: $rows, mode: ALL_OR_NOTHING) { imported errors { row column } } }',
  },

  createUser: {
    vars: () => ({ g: u('G3') }),
    query: 'mutation($g: ID!) { x: createUser(username: "cdcs.thu", password: "mat-khau-thu-1", fullName: "Chủ tịch thử", role: GRASSROOTS_CHAIR, scopeUnitId: $g) { id } }',
  },
  updateUser: { vars: () => ({ id: S.User }), query: 'mutation($id: ID!) { x: updateUser(id: $id, fullName: "Chủ tịch thử (đổi tên)") { id } }' },
  'updateUser (password)': { vars: () => ({ id: S.User }), query: 'mutation($id: ID!) { x: updateUser(id: $id, password: "mat-khau-moi-2") { id } }' },
  'updateUser (role)': { vars: () => ({ id: S.User, g: u('G3') }), query: 'mutation($id: ID!, $g: ID!) { x: updateUser(id: $id, role: ANALYST, scopeUnitId: $g) { id } }' },
  deleteUser: { vars: () => ({ id: S.User }), query: 'mutation($id: ID!) { x: deleteUser(id: $id) { id } }' },
  createApiToken: { query: 'mutation { x: createApiToken(name: "báo cáo hằng tuần") { token apiToken { id } } }' },
  deleteApiToken: { vars: () => ({ id: S.token }), query: 'mutation($id: ID!) { x: deleteApiToken(id: $id) { id } }' },

  createAwardType: { query: 'mutation { x: createAwardType(code: "TEST_AT", name: "Danh hiệu thử", nomineeKind: INDIVIDUAL, decidingLevel: GRASSROOTS) { id } }' },
  updateAwardType: { vars: () => ({ id: S.AT }), query: 'mutation($id: ID!) { x: updateAwardType(id: $id, name: "Danh hiệu thử (đổi tên)") { id } }' },
  deleteAwardType: { vars: () => ({ id: S.AT }), query: 'mutation($id: ID!) { x: deleteAwardType(id: $id) { id active } }' },

  createNomination: { vars: async () => ({ t: await typeId('GK_CDCS_CN'), y: YEAR, a: 'Hoàn thành xuất sắc nhiệm vụ', m: m('hoa') }), query: NOMINATE },
  updateNomination: { vars: () => ({ id: S.N1 }), query: 'mutation($id: ID!) { x: updateNomination(id: $id, achievements: "Hoàn thành xuất sắc nhiệm vụ năm") { id } }' },
  submitNomination: { vars: () => ({ id: S.N1 }), query: SUBMIT },
  'reviewNomination (RETURN)': { vars: () => ({ id: S.N1, d: 'RETURN', c: 'Bổ sung thành tích' }), query: REVIEW },
  'reviewNomination (APPROVE)': {
    vars: async () => {
      ok(await run(api.chair, SUBMIT, { id: S.N1 }));
      return { id: S.N1, d: 'APPROVE' };
    },
    query: REVIEW,
  },
  withdrawNomination: { vars: async () => ({ id: await pending('GK_CDCS_CN', m('duc')) }), query: 'mutation($id: ID!) { x: withdrawNomination(id: $id) { id } }' },
  deleteNomination: { vars: async () => ({ id: await pending('GK_CDCS_CN', m('lan'), false) }), query: 'mutation($id: ID!) { x: deleteNomination(id: $id) { id } }' },
  reviewNominations: {
    vars: async () => ({ ids: [await pending('GK_CDCS_CN', m('binh')), await pending('GK_CDCS_CN', await newMember())], d: 'APPROVE' }),
    query: REVIEW_MANY,
  },
  recordConfederationDecision: {
    vars: async () => {
      const id = await pending('BK_TLD_CN', m('duc'));
      ok(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' })); // UNION → FEDERATION
      ok(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' })); // FEDERATION → FORWARDED
      return { id, ok: true, no: '15/QĐ-TLĐ' };
    },
    query: RECORD,
  },

  createEmulationMovement: { as: 'chair', vars: () => ({ u: u('G1') }), query: 'mutation($u: ID!) { x: createEmulationMovement(name: "Phong trào thử", kind: REGULAR, launchedByUnitId: $u, startsOn: "2024-01-01", endsOn: "2024-12-31") { id } }' },
  updateEmulationMovement: { as: 'chair', vars: () => ({ id: S.EmulationMovement }), query: 'mutation($id: ID!) { x: updateEmulationMovement(id: $id, theme: "Lao động giỏi") { id } }' },
  createEmulationCluster: { as: 'unionAdmin', vars: () => ({ u: u('U1') }), query: 'mutation($u: ID!) { x: createEmulationCluster(name: "Cụm thi đua thử", kind: CLUSTER, organizingUnitId: $u) { id } }' },
  updateEmulationCluster: { as: 'unionAdmin', vars: () => ({ id: S.EmulationCluster }), query: 'mutation($id: ID!) { x: updateEmulationCluster(id: $id, name: "Cụm thi đua thử (đổi tên)") { id } }' },
  createClusterEntry: { as: 'unionAdmin', vars: () => ({ c: S.EmulationCluster, u: u('G1') }), query: 'mutation($c: ID!, $u: ID!) { x: createClusterEntry(clusterId: $c, unitId: $u, year: 2024, role: MEMBER, score: 80) { id } }' },
  updateClusterEntry: { as: 'unionAdmin', vars: () => ({ id: S.ClusterEntry }), query: 'mutation($id: ID!) { x: updateClusterEntry(id: $id, score: 91.5) { id } }' },
  createAnnualRating: { as: 'unionAdmin', vars: () => ({ u: u('G1') }), query: 'mutation($u: ID!) { x: createAnnualRating(unitId: $u, year: 2024, level: GOOD, score: 85) { id } }' },
  updateAnnualRating: { as: 'unionAdmin', vars: () => ({ id: S.AnnualRating }), query: 'mutation($id: ID!) { x: updateAnnualRating(id: $id, level: EXCELLENT) { id } }' },
  createIndicator: { as: 'sysadmin', query: 'mutation { x: createIndicator(code: "TEST_IND", name: "Chỉ số thử", unit: COUNT, aggregation: SUM) { id } }' },
  updateIndicator: { as: 'sysadmin', vars: () => ({ id: S.Indicator }), query: 'mutation($id: ID!) { x: updateIndicator(id: $id, name: "Chỉ số thử (đổi tên)") { id } }' },
  createTarget: { vars: () => ({ u: u('G1'), i: S.Indicator }), query: 'mutation($u: ID!, $i: ID!) { x: createTarget(unitId: $u, year: 2024, indicatorId: $i, source: ANNUAL_PROGRAMME, planned: 100, actual: 50) { id } }' },
  updateTarget: { vars: () => ({ id: S.Target }), query: 'mutation($id: ID!) { x: updateTarget(id: $id, actual: 60) { id } }' },
  createWelfareRecord: { vars: () => ({ u: u('G1'), m: m('hoa') }), query: 'mutation($u: ID!, $m: ID) { x: createWelfareRecord(unitId: $u, memberId: $m, date: "2024-03-15", kind: SICKNESS, count: 1, amount: 500000) { id } }' },
  updateWelfareRecord: { vars: () => ({ id: S.WelfareRecord }), query: 'mutation($id: ID!) { x: updateWelfareRecord(id: $id, note: "Đã thăm hỏi") { id } }' },
  createInitiative: {
    vars: () => ({ u: u('G1'), a: [m('hoa'), m('duc')] }),
    query: 'mutation($u: ID!, $a: [ID!]!) { x: createInitiative(unitId: $u, title: "Sáng kiến thử", year: 2024, status: APPLIED, benefit: 1000000, authorMemberIds: $a) { id } }',
  },
  updateInitiative: { vars: () => ({ id: S.Initiative, a: [m('lan')] }), query: 'mutation($id: ID!, $a: [ID!]) { x: updateInitiative(id: $id, title: "Sáng kiến thử (đổi tên)", authorMemberIds: $a) { id } }' },
  createCongress: {
    vars: () => ({ u: u('G1') }),
    query: 'mutation($u: ID!) { x: createCongress(unitId: $u, heldOn: "2023-05-09", termStartYear: 2023, termEndYear: 2028, form: PLENARY, convenedCount: 50, attendedCount: 40) { id } }',
  },
  updateCongress: { vars: () => ({ id: S.Congress }), query: 'mutation($id: ID!) { x: updateCongress(id: $id, motto: "Đổi mới - Dân chủ") { id } }' },
  createCommitteeSeat: { vars: () => ({ c: S.Congress, m: m('hoa') }), query: 'mutation($c: ID!, $m: ID!) { x: createCommitteeSeat(congressId: $c, memberId: $m, position: CHAIR) { id } }' },
  updateCommitteeSeat: { vars: () => ({ id: S.CommitteeSeat }), query: 'mutation($id: ID!) { x: updateCommitteeSeat(id: $id, position: VICE_CHAIR) { id } }' },
  createRuleThreshold: { as: 'sysadmin', query: 'mutation { x: createRuleThreshold(code: "TEST_THRESHOLD", value: 1, unit: "VND", regulation: "Quy định thử", effectiveFrom: "1990-01-01") { id } }' },
  updateRuleThreshold: { as: 'sysadmin', vars: () => ({ id: S.RuleThreshold }), query: 'mutation($id: ID!) { x: updateRuleThreshold(id: $id, note: "ghi chú") { id } }' },
  createYearEndConference: { vars: () => ({ u: u('G1') }), query: 'mutation($u: ID!) { x: createYearEndConference(unitId: $u, year: 2024, heldOn: "2025-01-16", attendees: 42) { id } }' },
  updateYearEndConference: { vars: () => ({ id: S.YearEndConference }), query: 'mutation($id: ID!) { x: updateYearEndConference(id: $id, note: "Tổng kết năm 2024") { id } }' },

  deleteEmulationMovement: { vars: () => ({ id: S.EmulationMovement }) },
  deleteClusterEntry: { as: 'unionAdmin', vars: () => ({ id: S.ClusterEntry }) },
  deleteEmulationCluster: { as: 'unionAdmin', vars: () => ({ id: S.EmulationCluster }) },
  deleteAnnualRating: { as: 'unionAdmin', vars: () => ({ id: S.AnnualRating }) },
  deleteTarget: { vars: () => ({ id: S.Target }) },
  deleteIndicator: { as: 'sysadmin', vars: () => ({ id: S.Indicator }) },
  deleteWelfareRecord: { vars: () => ({ id: S.WelfareRecord }) },
  deleteInitiative: { vars: () => ({ id: S.Initiative }) },
  deleteCommitteeSeat: { vars: () => ({ id: S.CommitteeSeat }) },
  deleteCongress: {
    // a congress with a seat left: the seat goes with it, with its own audit row
    vars: async () => {
      ok(await run(api.chair, 'mutation($c: ID!, $m: ID!) { x: createCommitteeSeat(congressId: $c, memberId: $m, position: DELEGATE) { id } }', { c: S.Congress, m: m('duc') }));
      return { id: S.Congress };
    },
    audit: [['DELETE', 'CommitteeSeat'], ['DELETE', 'Congress']],
    entityId: () => undefined,
  },
  deleteRuleThreshold: {
    // the last value of a code is kept (the rules read it): a second value is made to delete one
    as: 'sysadmin',
    vars: async () => {
      ok(await run(api.sysadmin, 'mutation { x: createRuleThreshold(code: "TEST_THRESHOLD", value: 2, unit: "VND", regulation: "Quy định thử 2", effectiveFrom: "2000-01-01") { id } }'));
      return { id: S.RuleThreshold };
    },
  },
  deleteYearEndConference: { vars: () => ({ id: S.YearEndConference }) },

  importTargets: {
    vars: () => ({
      u: u('G1'),
      rows: [
        { year: 2025, indicatorCode: 'NEW_MEMBERS', source: 'ANNUAL_PROGRAMME', planned: 40, actual: 46 },
        { year: 2025, indicatorCode: 'NEW_MEMBERS', source: 'ASSIGNED_PLAN', planned: 30 },
      ],
    }),
    query: 'mutation($u: ID!, $rows: [TargetImportRow!]!) { x: importTargets(unitId: $u, rows: $rows) { imported errors { row column code message } } }',
  },
  importWelfareRecords: {
    vars: () => ({ u: u('G1'), rows: [{ date: '2025-02-01', kind: 'SICKNESS', count: 2, amount: 1000000 }, { date: '2025-02-02', kind: 'WEDDING', count: 1, amount: 500000 }] }),
    query: 'mutation($u: ID!, $rows: [WelfareImportRow!]!) { x: importWelfareRecords(unitId: $u, rows: $rows) { imported errors { row column code message } } }',
  },
};

const ALL_CASES: Case[] = [...CASES.slice(0, -2), ...YEAR_DELETES, ...CASES.slice(-2)].map((c) => {
  const r = RUN[c.mutation] ?? {};
  const type = c.mutation.replace(/^delete/, '');
  const query = r.query ?? (c.mutation.startsWith('delete') ? `mutation($id: ID!) { x: delete${type}(id: $id) { id } }` : c.query);
  return { ...c, ...r, query, audit: r.audit ?? c.audit, entityId: r.entityId ?? c.entityId, as: r.as ?? c.as };
});

describe('every mutation: its audit rows, and nothing changed when they cannot be written', () => {
  test('the walk covers every mutation of the schema but login', () => {
    const schema: string = require('node:fs').readFileSync(require('node:path').join(__dirname, '../schema/schema.graphql'), 'utf8');
    const block = schema.slice(schema.indexOf('type Mutation {'));
    const names = new Set([...block.slice(0, block.indexOf('\n}')).matchAll(/^  ([a-zA-Z]+)\(/gm)].map((x) => x[1]));
    names.delete('login');
    const covered = new Set(ALL_CASES.map((c) => c.mutation.split(' ')[0]));
    expect([...names].filter((n) => !covered.has(n))).toEqual([]);
  });

  for (const c of ALL_CASES) {
    test(`${c.mutation} as ${c.as}`, async () => {
      const vars = (await c.vars?.()) ?? {};
      const before = await snapshot();
      if (c.refusedWith) {
        expect((await run(api[c.as], c.query, vars)) as { code?: string }).toMatchObject({ ok: false, code: c.refusedWith });
        expect(await snapshot()).toEqual(before);
        return;
      }
      const refused = await refusing('audit_event', 'INSERT', () => run(api[c.as], c.query, vars));
      if (c.mutation === 'reviewNominations') {
        // each id on its own: each row says its failure
        expect(ok(refused).x.map((r: any) => [r.ok, r.code])).toEqual([[false, 'INTERNAL_SERVER_ERROR'], [false, 'INTERNAL_SERVER_ERROR']]);
      } else expect(refused.ok ? 'written without its audit row' : refused.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await snapshot()).toEqual(before);

      const from = await lastAuditId();
      const data = ok(await run(api[c.as], c.query, vars));
      c.keep?.(data);
      if (c.mutation === 'reviewNominations') expect(data.x.map((r: any) => r.ok)).toEqual([true, true]);
      if (/^import/.test(c.mutation)) expect(data.x).toMatchObject({ imported: 2, errors: [] });
      const rows = await auditSince(from);
      expect(rows.map((r) => [r.action, r.entityType])).toEqual(c.audit);
      for (const r of rows) expect([r.actorId, r.actorName]).toEqual([t.fx.users[c.as], c.as.toLowerCase()]);
      const id = c.entityId ? c.entityId(data) : data.x.id;
      if (id !== undefined) expect(String(rows[0].entityId)).toBe(String(id));
    });
  }
});

// ─── 2. Refused midway: nothing changes ─────────────────────────────────────────────────────────

describe('a write refused midway leaves every table as it was', () => {
  const IMPORT_MEMBERS = 'mutation($g: ID!, $rows: [MemberImportRow!]!, $mode: ImportMode) { x: importMembers(grassrootsUnionId: $g, rows: $rows, mode: $mode) { total valid imported errors { row column } } }';
  const IMPORT_TARGETS = 'mutation($u: ID!, $rows: [TargetImportRow!]!) { x: importTargets(unitId: $u, rows: $rows) { total valid imported errors { row column code } } }';
  const IMPORT_WELFARE = 'mutation($u: ID!, $rows: [WelfareImportRow!]!) { x: importWelfareRecords(unitId: $u, rows: $rows) { total valid imported errors { row column code } } }';

  test('an all-or-nothing import whose row 37 of 40 is bad writes nothing (members, targets, welfare records)', async () => {
    const before = await snapshot();
    const members = Array.from({ length: 40 }, (_, i) => ({ fullName: `Nguyễn Văn Bốn Mươi ${i}`, gender: i === 36 ? 'Không rõ' : 'Nam', cardNumber: `WI-40-${i}` }));
    expect(ok(await run(api.chair, IMPORT_MEMBERS, { g: u('G1'), rows: members, mode: 'ALL_OR_NOTHING' })).x).toEqual({ total: 40, valid: 39, imported: 0, errors: [{ row: 38, column: 'gender' }] });
    const targets = Array.from({ length: 40 }, (_, i) => ({ year: 1960 + i, indicatorCode: 'NEW_MEMBERS', source: 'ANNUAL_PROGRAMME', planned: i === 36 ? -1 : 10 }));
    expect(ok(await run(api.chair, IMPORT_TARGETS, { u: u('G1'), rows: targets })).x).toEqual({ total: 40, valid: 39, imported: 0, errors: [{ row: 38, column: 'planned', code: 'BAD_USER_INPUT' }] });
    const welfare = Array.from({ length: 40 }, (_, i) => ({ date: '2025-03-01', kind: 'SICKNESS', count: 1, amount: i === 36 ? 0.5 : 100000 }));
    expect(ok(await run(api.chair, IMPORT_WELFARE, { u: u('G1'), rows: welfare })).x).toEqual({ total: 40, valid: 39, imported: 0, errors: [{ row: 38, column: 'amount', code: 'BAD_USER_INPUT' }] });
    expect(await snapshot()).toEqual(before);
  });

  test('an update with one valid and one invalid field changes neither', async () => {
    const before = await snapshot();
    const refused = async (as: AccountName, query: string, vars: Record<string, unknown>) => {
      const o = await run(api[as], query, vars);
      expect(o.ok).toBe(false);
      return o.ok ? '' : `${o.code} ${(o as { field?: string }).field ?? ''}`.trim();
    };
    expect(await refused('chair', 'mutation($id: ID!) { updateMember(id: $id, phone: "0912000999", email: "khong-phai-email") { id } }', { id: m('hoa') })).toBe('BAD_USER_INPUT email');
    expect(await refused('chair', 'mutation($id: ID!) { updateMember(id: $id, fullName: "Tên Mới", cardNumber: "C-0002") { id } }', { id: m('hoa') })).toBe('BAD_USER_INPUT cardNumber');
    expect(await refused('fedAdmin', 'mutation($id: ID!) { updateUser(id: $id, fullName: "Tên mới", role: SYSTEM_ADMIN) { id } }', { id: String(t.fx.users.chair) })).toMatch(/^FORBIDDEN/);
    // a move done inside the write, then a later check refuses: the move is undone too
    expect(await refused('sysadmin', 'mutation($id: ID!, $f: ID!) { updateUnion(id: $id, federationId: $f, code: "G1") { id } }', { id: u('U1'), f: u('F2') })).toBe('BAD_USER_INPUT code');
    expect(await refused('sysadmin', 'mutation($id: ID!) { updateFederation(id: $id, name: "Tên mới", active: false) { id } }', { id: u('F1') })).toBe('CONFLICT');
    // a move under a unit of its own subtree or of the wrong level
    expect(await refused('sysadmin', 'mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }', { id: u('G1'), p: u('T1') })).toMatch(/^BAD_USER_INPUT/);
    expect(await refused('sysadmin', 'mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }', { id: u('U1'), p: u('G1') })).toMatch(/^BAD_USER_INPUT/);
    expect(await refused('sysadmin', 'mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }', { id: u('U1'), p: u('U1') })).toMatch(/^BAD_USER_INPUT/);
    expect(await refused('sysadmin', 'mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }', { id: u('F1'), p: u('F2') })).toMatch(/^BAD_USER_INPUT/);
    expect(await snapshot()).toEqual(before);
  });

  test('refused steps of the workflow take no decision number and leave no trace', async () => {
    const nominee = await newMember();
    const id = await pending('GK_CDCS_CN', nominee);
    const before = await snapshot();
    // the nominee leaves: the approval is refused by NOMINEE_ACTIVE after the reviewer's checks
    await t.ds.query(`UPDATE member SET status = 'LEFT' WHERE id = ?`, [nominee]);
    const withLeft = await snapshot();
    expect(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(await snapshot()).toEqual(withLeft);
    await t.ds.query(`UPDATE member SET status = 'ACTIVE' WHERE id = ?`, [nominee]);
    expect(await snapshot()).toEqual(before);
    // a rejection without its comment, a step by the nomination's own creator (four eyes)
    expect(await run(api.sysadmin, REVIEW, { id, d: 'REJECT' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(await run(api.chair, REVIEW, { id, d: 'APPROVE' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // the confederation's decision on a nomination not FORWARDED, and an approval without its number
    expect(await run(api.fedAdmin, RECORD, { id, ok: true, no: '1/QĐ-TLĐ' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await snapshot()).toEqual(before);
  });

  test('reviewNominations: each id on its own, as the contract says: a refused id is reported and unchanged, the others are decided', async () => {
    const good = await pending('GK_CDCS_CN', await newMember());
    const stale = await pending('GK_CDCS_CN', await newMember(), false); // a DRAFT: not PENDING
    const counter = async () => (await t.ds.query('SELECT unit_id, year, last_number FROM decision_counter ORDER BY unit_id, year')) as unknown[];
    const staleBefore = await one('SELECT status, version FROM nomination WHERE id = ?', [stale]);
    const countersBefore = await counter();
    const from = await lastAuditId();
    const r = ok(await run(api.sysadmin, REVIEW_MANY, { ids: [stale, good, '999999'], d: 'APPROVE' })).x;
    expect(r.map((x: any) => [x.ok, x.code])).toEqual([[false, 'CONFLICT'], [true, null], [false, 'NOT_FOUND']]);
    expect(await one('SELECT status, version FROM nomination WHERE id = ?', [stale])).toEqual(staleBefore);
    expect((await auditSince(from)).map((a) => [a.action, a.entityType, String(a.entityId)])).toEqual([
      ['CREATE', 'Award', r[1].nomination.award.id],
      ['APPROVE', 'Nomination', good],
    ]);
    // one decision, one number more; nothing for the refused ids
    const after = (await counter()) as { last_number: number }[];
    expect(after.reduce((s, c) => s + Number(c.last_number), 0)).toBe((countersBefore as { last_number: number }[]).reduce((s, c) => s + Number(c.last_number), 0) + 1);
  });
});

// ─── 3. A later statement fails: the whole write rolls back ─────────────────────────────────────

describe('a later statement failing rolls the whole write back', () => {
  test('an approval whose award cannot be written: no step, no number, no history row', async () => {
    const id = await pending('GK_CDCS_CN', await newMember());
    const before = await snapshot();
    const o = await refusing('award', 'INSERT', () => run(api.sysadmin, REVIEW, { id, d: 'APPROVE' }));
    expect(o).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    expect(await snapshot()).toEqual(before);
    expect(ok(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' })).x.status).toBe('APPROVED');
  });

  test('a confederation decision whose award cannot be written changes nothing', async () => {
    const id = await pending('BK_TLD_CN', await newMember());
    ok(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' }));
    ok(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' }));
    const before = await snapshot();
    expect(await refusing('award', 'INSERT', () => run(api.fedAdmin, RECORD, { id, ok: true, no: '99/QĐ-TLĐ' }))).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    expect(await snapshot()).toEqual(before);
  });

  test('reviewNominations: an id whose write fails is reported in its own row, the ids decided before it stay decided', async () => {
    // a climbs (UNION → FEDERATION, no award); b is decided at GRASSROOTS and its award cannot be written
    const a = await pending('BK_LDLD_CN', await newMember());
    const b = await pending('GK_CDCS_CN', await newMember());
    const bBefore = await one('SELECT status, version, current_level AS level FROM nomination WHERE id = ?', [b]);
    const counters = await t.ds.query('SELECT * FROM decision_counter ORDER BY unit_id, year');
    const from = await lastAuditId();
    const o = await refusing('award', 'INSERT', () => run(api.sysadmin, REVIEW_MANY, { ids: [a, b], d: 'APPROVE' }));
    const r = ok(o).x;
    expect(r.map((x: any) => [x.id, x.ok, x.code])).toEqual([[a, true, null], [b, false, 'INTERNAL_SERVER_ERROR']]);
    expect(r[0].nomination.status).toBe('PENDING');
    expect(await one('SELECT status, version, current_level AS level FROM nomination WHERE id = ?', [b])).toEqual(bBefore);
    expect(await t.ds.query('SELECT * FROM decision_counter ORDER BY unit_id, year')).toEqual(counters);
    expect((await auditSince(from)).map((x) => [x.action, String(x.entityId)])).toEqual([['APPROVE', a]]);
  });

  test('a move whose history row cannot be written leaves the unit and its subtree where they were', async () => {
    const before = await snapshot();
    const o = await refusing('org_unit_move', 'INSERT', () => run(api.sysadmin, 'mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }', { id: u('G1'), p: u('U2') }));
    expect(o).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    expect(await snapshot()).toEqual(before);
  });

  test('a transfer whose audit row cannot be written leaves the member, its awards and nominations where they were', async () => {
    const before = await snapshot();
    const o = await refusing('audit_event', 'INSERT', () => run(api.unionAdmin, 'mutation($id: ID!, $g: ID!) { updateMember(id: $id, grassrootsUnionId: $g) { id } }', { id: m('hoa'), g: u('G2') }));
    expect(o).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    expect(await snapshot()).toEqual(before);
  });

  test('a member import whose second chunk fails writes none of the first', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({ fullName: `Phan Văn Sáu Trăm ${i}`, gender: 'Nam' }));
    const before = await snapshot();
    const o = await refusing('member', 'INSERT', () => run(api.chair, 'mutation($g: ID!, $rows: [MemberImportRow!]!) { importMembers(grassrootsUnionId: $g, rows: $rows, mode: VALID_ROWS) { imported } }', { g: u('G1'), rows }), `NEW.full_name = 'Phan Văn Sáu Trăm 550'`);
    expect(o).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    expect(await snapshot()).toEqual(before);
  });

  test('a target import whose third row cannot be written writes none', async () => {
    const rows = [10, 20, 777, 40].map((planned, i) => ({ year: 2010 + i, indicatorCode: 'NEW_MEMBERS', source: 'ANNUAL_PROGRAMME', planned }));
    const before = await snapshot();
    const o = await refusing('target', 'INSERT', () => run(api.chair, 'mutation($u: ID!, $rows: [TargetImportRow!]!) { importTargets(unitId: $u, rows: $rows) { imported } }', { u: u('G1'), rows }), 'NEW.planned = 777');
    expect(o).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    expect(await snapshot()).toEqual(before);
  });

  test('deactivating an account whose tokens cannot be revoked leaves the account active and its tokens', async () => {
    const made = ok(await run(api.sysadmin, 'mutation { x: createUser(username: "cdcs.token", password: "mat-khau-thu-1", fullName: "Chủ tịch có khoá", role: GRASSROOTS_CHAIR, scopeUnitId: "' + u('G2') + '") { id } }')).x.id;
    const { api: holder } = await login(t, 'cdcs.token', 'mat-khau-thu-1');
    ok(await run(holder, 'mutation { createApiToken(name: "báo cáo") { token } }'));
    const before = await snapshot();
    expect(await refusing('api_token', 'DELETE', () => run(api.sysadmin, 'mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: made }))).toMatchObject({ ok: false, code: 'INTERNAL_SERVER_ERROR' });
    expect(await snapshot()).toEqual(before);
    // and when it goes through, each revoked token leaves its audit row beside the account's
    const from = await lastAuditId();
    ok(await run(api.sysadmin, 'mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: made }));
    expect((await auditSince(from)).map((x) => [x.action, x.entityType])).toEqual([['DELETE', 'ApiToken'], ['DELETE', 'User']]);
  });
});

// ─── 4. History ─────────────────────────────────────────────────────────────────────────────────

describe('history is kept', () => {
  test('a member who leaves keeps their awards and nominations readable', async () => {
    const who = await newMember();
    const id = await pending('GK_CDCS_CN', who);
    const award = ok(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' })).x.award;
    ok(await run(api.chair, 'mutation($id: ID!) { deleteMember(id: $id) { id } }', { id: who }));
    const read = ok(await run(api.chair, 'query($id: ID!) { Member(id: $id) { status leftAt awards { id decisionNumber } } allNominations(filter: { nomineeMemberId: [$id] }) { id status award { id } } }', { id: who }));
    expect(read.Member).toMatchObject({ status: 'LEFT', awards: [{ id: award.id, decisionNumber: award.decisionNumber }] });
    expect(read.allNominations).toEqual([{ id, status: 'APPROVED', award: { id: award.id } }]);
  });

  test('a transferred member takes their awards along, and the transfer is in the audit trail with both unions', async () => {
    const who = await newMember();
    const id = await pending('GK_CDCS_CN', who);
    const award = ok(await run(api.sysadmin, REVIEW, { id, d: 'APPROVE' })).x.award;
    const from = await lastAuditId();
    ok(await run(api.unionAdmin, 'mutation($id: ID!, $g: ID!) { updateMember(id: $id, grassrootsUnionId: $g) { id } }', { id: who, g: u('G2') }));
    const [row] = await auditSince(from);
    expect(row).toMatchObject({ action: 'TRANSFER', entityType: 'Member', entityId: Number(who), actorId: t.fx.users.unionAdmin });
    expect(JSON.parse(row.before!).grassrootsUnionId).toBe(Number(u('G1')));
    expect(JSON.parse(row.after!).grassrootsUnionId).toBe(Number(u('G2')));
    const read = ok(await run(api.unionAdmin, 'query($id: ID!) { Member(id: $id) { grassrootsUnionId awards { id } } }', { id: who }));
    expect(read.Member).toEqual({ grassrootsUnionId: u('G2'), awards: [{ id: award.id }] });
  });

  test('a moved unit keeps its moves: who, when, from where, to where', async () => {
    const g = ok(await run(api.sysadmin, 'mutation($p: ID!) { x: createGrassrootsUnion(name: "CĐCS di chuyển", unionId: $p) { id } }', { p: u('U1') })).x.id;
    ok(await run(api.sysadmin, 'mutation($id: ID!, $p: ID!) { moveUnit(id: $id, parentId: $p) { __typename } }', { id: g, p: u('F1') }));
    ok(await run(api.fedAdmin, 'mutation($id: ID!, $p: ID!) { updateGrassrootsUnion(id: $id, unionId: $p) { id } }', { id: g, p: u('U1') }));
    const moves = ok(await run(api.sysadmin, 'query($id: ID!) { GrassrootsUnion(id: $id) { moves { fromParentId toParentId movedById movedAt } } }', { id: g })).GrassrootsUnion.moves;
    expect(moves.map((x: any) => [x.fromParentId, x.toParentId, x.movedById])).toEqual([
      [u('U1'), u('F1'), String(t.fx.users.sysadmin)],
      [u('F1'), u('U1'), String(t.fx.users.fedAdmin)],
    ]);
    for (const x of moves) expect(typeof x.movedAt).toBe('string');
  });

  test('year records that others reference: refused, kept or cascaded with audit rows, never an internal error', async () => {
    const c = ok(await run(api.unionAdmin, 'mutation($u: ID!) { x: createEmulationCluster(name: "Cụm có thành viên", kind: CLUSTER, organizingUnitId: $u) { id } }', { u: u('U1') })).x.id;
    ok(await run(api.unionAdmin, 'mutation($c: ID!, $u: ID!) { createClusterEntry(clusterId: $c, unitId: $u, year: 2023, role: MEMBER) { id } }', { c, u: u('G2') }));
    const before = await snapshot();
    expect(await run(api.unionAdmin, 'mutation($id: ID!) { deleteEmulationCluster(id: $id) { id } }', { id: c })).toMatchObject({ ok: false, code: 'CONFLICT' });
    // the last value of a threshold the rules read
    const th = (await t.ds.query('SELECT id FROM rule_threshold WHERE code IN (SELECT code FROM rule_threshold GROUP BY code HAVING COUNT(*) = 1) LIMIT 1'))[0];
    if (th) expect(await run(api.sysadmin, 'mutation($id: ID!) { deleteRuleThreshold(id: $id) { id } }', { id: String(th.id) })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await snapshot()).toEqual(before);
    // an indicator its targets use is deactivated, and the target still reads it
    const ind = ok(await run(api.sysadmin, 'mutation { x: createIndicator(code: "TEST_KEPT", name: "Chỉ số giữ lại", unit: COUNT, aggregation: SUM) { id } }')).x.id;
    const tg = ok(await run(api.chair, 'mutation($u: ID!, $i: ID!) { x: createTarget(unitId: $u, year: 2024, indicatorId: $i, source: ANNUAL_PROGRAMME, planned: 5) { id } }', { u: u('G1'), i: ind })).x.id;
    expect(ok(await run(api.sysadmin, 'mutation($id: ID!) { x: deleteIndicator(id: $id) { active } }', { id: ind })).x.active).toBe(false);
    expect(ok(await run(api.chair, 'query($id: ID!) { Target(id: $id) { indicator { id code active } } }', { id: tg })).Target.indicator).toEqual({ id: ind, code: 'TEST_KEPT', active: false });
  });
});

// ─── A unit of work run again after a deadlock starts afresh ────────────────────────────────────

describe('a write the database aborted for a deadlock and ran again reports what its last run did', () => {
  /** The next write's first attempt is aborted as a deadlock once its work is done (as InnoDB would abort it). */
  async function withOneDeadlock<T>(fn: () => Promise<T>): Promise<T> {
    const db = t.app.services.db;
    const original = db.transaction;
    let aborted = false;
    db.transaction = ((work: Parameters<typeof original>[0]) =>
      original.call(db, async (em) => {
        let result: unknown;
        let error: unknown;
        try {
          result = await work(em);
        } catch (e) {
          error = e;
        }
        if (!aborted) {
          aborted = true;
          throw Object.assign(new Error('Deadlock found when trying to get lock (test)'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' });
        }
        if (error) throw error;
        return result;
      })) as typeof original;
    try {
      return await fn();
    } finally {
      db.transaction = original;
    }
  }
  const IMPORT_TARGETS = 'mutation($u: ID!, $rows: [TargetImportRow!]!) { x: importTargets(unitId: $u, rows: $rows) { total valid imported errors { row column code } } }';

  test('an import re-run counts its rows and errors once', async () => {
    const good = [2030, 2031].map((year) => ({ year, indicatorCode: 'NEW_MEMBERS', source: 'ANNUAL_PROGRAMME', planned: 10 }));
    const from = await lastAuditId();
    expect(ok(await withOneDeadlock(() => run(api.chair, IMPORT_TARGETS, { u: u('G1'), rows: good }))).x).toEqual({ total: 2, valid: 2, imported: 2, errors: [] });
    expect((await auditSince(from)).map((a) => a.action)).toEqual(['IMPORT', 'IMPORT']);
    const bad = [{ year: 2029, indicatorCode: 'NEW_MEMBERS', source: 'ANNUAL_PROGRAMME', planned: -1 }];
    expect(ok(await withOneDeadlock(() => run(api.chair, IMPORT_TARGETS, { u: u('G1'), rows: bad }))).x).toEqual({ total: 1, valid: 0, imported: 0, errors: [{ row: 2, column: 'planned', code: 'BAD_USER_INPUT' }] });
  });

  test('a member import and a batch review re-run report once', async () => {
    const rows = [1, 2].map((n) => ({ fullName: `Lý Văn Chạy Lại ${n}`, gender: 'Nam' }));
    const r = ok(await withOneDeadlock(() => run(api.chair, 'mutation($g: ID!, $rows: [MemberImportRow!]!) { x: importMembers(grassrootsUnionId: $g, rows: $rows) { total valid imported } }', { g: u('G1'), rows })));
    expect(r.x).toEqual({ total: 2, valid: 2, imported: 2 });
    const ids = [await pending('GK_CDCS_CN', await newMember()), await pending('GK_CDCS_CN', await newMember())];
    const done = ok(await withOneDeadlock(() => run(api.sysadmin, REVIEW_MANY, { ids, d: 'APPROVE' }))).x;
    expect(done.map((x: any) => x.ok)).toEqual([true, true]);
    // approved together: one decision number, taken once
    expect(done[0].nomination.award.decisionNumber).toBe(done[1].nomination.award.decisionNumber);
  });
});

// ─── A lost race on a unique key ────────────────────────────────────────────────────────────────

describe('a write that loses a race on a unique key answers a coded refusal and changes nothing', () => {
  /** Runs `fn` while inserts and updates of `table` meet the duplicate-key error (1062) a concurrent write of the same key would cause. */
  async function losingRace<T>(table: string, key: string, fn: () => Promise<T>): Promise<T> {
    const sql = (event: string, n: number) =>
      `CREATE TRIGGER test_race_${table}_${n} BEFORE ${event} ON \`${table}\` FOR EACH ROW SIGNAL SQLSTATE '23000' SET MYSQL_ERRNO = 1062, MESSAGE_TEXT = "Duplicate entry 'x' for key '${key}'"`;
    await t.ds.query(sql('INSERT', 1));
    await t.ds.query(sql('UPDATE', 2));
    try {
      return await fn();
    } finally {
      await t.ds.query(`DROP TRIGGER test_race_${table}_1`);
      await t.ds.query(`DROP TRIGGER test_race_${table}_2`);
    }
  }
  const answer = (o: Outcome) => (o.ok ? 'OK' : `${o.code} ${(o as { field?: string }).field ?? ''}`.trim());

  test('members (card number), accounts (username), award types (code)', async () => {
    const before = await snapshot();
    const tried: Record<string, string> = {};
    await losingRace('member', 'uq_member_card', async () => {
      tried.createMember = answer(await run(api.chair, 'mutation($g: ID!) { createMember(fullName: "Đua Thẻ", gender: MALE, grassrootsUnionId: $g, cardNumber: "RACE-1") { id } }', { g: u('G1') }));
      tried.updateMember = answer(await run(api.chair, 'mutation($id: ID!) { updateMember(id: $id, cardNumber: "RACE-2") { id } }', { id: m('hoa') }));
      tried.importMembers = answer(await run(api.chair, 'mutation($g: ID!) { importMembers(grassrootsUnionId: $g, rows: [{ fullName: "Đua Nhập", gender: "Nam", cardNumber: "RACE-3" }]) { imported } }', { g: u('G1') }));
    });
    await losingRace('account', 'uq_account_username', async () => {
      tried.createUser = answer(await run(api.sysadmin, 'mutation($g: ID!) { createUser(username: "dua.ten", password: "mat-khau-thu-1", fullName: "Đua", role: GRASSROOTS_CHAIR, scopeUnitId: $g) { id } }', { g: u('G2') }));
      tried.updateUser = answer(await run(api.sysadmin, 'mutation($id: ID!) { updateUser(id: $id, username: "dua.ten2") { id } }', { id: String(t.fx.users.chair4) }));
    });
    await losingRace('award_type', 'uq_award_type_code', async () => {
      tried.createAwardType = answer(await run(api.sysadmin, 'mutation { createAwardType(code: "RACE_AT", name: "Đua", nomineeKind: INDIVIDUAL, decidingLevel: GRASSROOTS) { id } }'));
    });
    expect(tried).toEqual({
      createMember: 'BAD_USER_INPUT cardNumber',
      updateMember: 'BAD_USER_INPUT cardNumber',
      importMembers: 'CONFLICT',
      createUser: 'BAD_USER_INPUT username',
      updateUser: 'BAD_USER_INPUT username',
      createAwardType: 'BAD_USER_INPUT code',
    });
    expect(await snapshot()).toEqual(before);
  });
});
