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
      expect(refused.ok ? 'written without its audit row' : refused.code).toBe('INTERNAL_SERVER_ERROR');
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
