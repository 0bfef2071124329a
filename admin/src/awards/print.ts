/**
 * The printed papers of a decision: the decision (Quyết định khen thưởng) with its list of
 * recipients, and each award's certificate (Giấy khen, Bằng khen…), as pdfmake documents. They are
 * Vietnamese administrative documents: their text is Vietnamese whatever the panel's language.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DecisionAward } from '../providers/dataProvider';

export type { DecisionAward };

/** What the papers need beyond the awards: who decided, under whom, and the recipients' units. */
export interface DecisionContext {
  /** the deciding unit's name (null: the confederation) */
  issuer: string | null;
  /** the unit above the issuer (null: the confederation) */
  parent: string | null;
  /** unit names by id, for the recipients' units */
  units: Record<string, string>;
}

export const CONFEDERATION = 'Tổng Liên đoàn Lao động Việt Nam';

const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/** '2024-01-16' → 'ngày 16 tháng 01 năm 2024' */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** The paper a type of award is given as: Bằng khen, Giấy khen, or the type's own name (Cờ thi đua…). */
export function certificateTitle(typeName: string): string {
  if (/^bằng khen/i.test(typeName)) return 'BẰNG KHEN';
  if (/^giấy khen/i.test(typeName)) return 'GIẤY KHEN';
  return upper(typeName.replace(/\s*\((cá nhân|tập thể)\)\s*$/i, ''));
}

/** The recipient's unit as the list prints it: a member's grassroots union, a collective's upper unit. */
export function recipientUnit(a: DecisionAward, ctx: DecisionContext): string {
  const ids = a.nomineeMemberId ? [a.grassrootsUnionId] : [a.unionId, a.federationId];
  for (const id of ids) if (id && id !== a.nomineeUnitId && ctx.units[id]) return ctx.units[id];
  return '';
}

/** The national motto block and the issuer block side by side, as every administrative paper opens. */
function heading(ctx: DecisionContext, numberLine: Content | null, dateLine: string): Content {
  const issuer = ctx.issuer ?? CONFEDERATION;
  const left: Content[] = [];
  if (ctx.issuer) left.push({ text: upper(ctx.parent ?? CONFEDERATION), fontSize: 11 });
  left.push({ text: upper(issuer), bold: true, fontSize: 11 }, { text: '———', margin: [0, 0, 0, 4] });
  if (numberLine) left.push(numberLine);
  return {
    columns: [
      { width: '45%', stack: left, alignment: 'center' },
      {
        width: '55%',
        alignment: 'center',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 11 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 12 },
          { text: '———', margin: [0, 0, 0, 4] },
          { text: dateLine, italics: true },
        ],
      },
    ],
  };
}

const signature = (title: string, signer: string | null | undefined): Content => ({
  columns: [
    { width: '*', text: '' },
    {
      width: 240,
      alignment: 'center',
      stack: [
        { text: title, bold: true },
        { text: '(Đã ký)', italics: true, margin: [0, 30, 0, 30], color: '#555555' },
        { text: signer ?? '', bold: true },
      ],
    },
  ],
  margin: [0, 24, 0, 0],
});

/** "Ban Thường vụ Liên đoàn Lao động tỉnh Thanh Hóa": the body that signs for the issuer. */
const boardName = (ctx: DecisionContext) => (ctx.issuer ? 'Ban Thường vụ' : 'Đoàn Chủ tịch');
const board = (ctx: DecisionContext) => `${boardName(ctx)} ${ctx.issuer ?? CONFEDERATION}`;

/** The decision: its number and date, the issuer, Article 1 with the recipients by award type, the signer. */
export function decisionDocument(awards: DecisionAward[], ctx: DecisionContext): TDocumentDefinitions {
  const first = awards[0];
  const byType = new Map<string, DecisionAward[]>();
  for (const a of awards) {
    const key = a.awardType?.name ?? '';
    byType.set(key, [...(byType.get(key) ?? []), a]);
  }
  const lists: Content[] = [];
  let article = 1;
  for (const [typeName, list] of byType) {
    const collective = list[0].awardType?.nomineeKind === 'COLLECTIVE';
    const who = collective ? `${list.length} tập thể` : `${list.length} cá nhân`;
    lists.push({
      text: [{ text: `Điều ${article++}. `, bold: true }, `Tặng ${typeName} cho ${who} có thành tích xuất sắc năm ${first.year}, có tên sau:`],
      margin: [0, 6, 0, 6],
    });
    lists.push({
      table: {
        headerRows: 1,
        widths: [30, '*', '*'],
        body: [
          [
            { text: 'STT', bold: true, alignment: 'center' },
            { text: collective ? 'Tên tập thể' : 'Họ và tên', bold: true },
            { text: 'Đơn vị', bold: true },
          ],
          ...list.map((a, i) => [{ text: String(i + 1), alignment: 'center' as const }, a.nomineeName, recipientUnit(a, ctx)]),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  const signer = first.decidedBy?.fullName;
  return {
    info: { title: `Quyết định ${first.decisionNumber}`, subject: 'Quyết định khen thưởng' },
    pageSize: 'A4',
    pageMargins: [60, 50, 50, 50],
    defaultStyle: { fontSize: 12, lineHeight: 1.25 },
    content: [
      heading(ctx, { text: `Số: ${first.decisionNumber}` }, `${longDate(first.decidedAt)}`),
      { text: 'QUYẾT ĐỊNH', bold: true, fontSize: 15, alignment: 'center', margin: [0, 24, 0, 2] },
      { text: 'Về việc khen thưởng', bold: true, alignment: 'center' },
      { text: upper(board(ctx)), bold: true, alignment: 'center', margin: [0, 14, 0, 8] },
      { text: 'Căn cứ Luật Công đoàn và Điều lệ Công đoàn Việt Nam;' },
      { text: 'Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành;' },
      { text: 'Căn cứ quy chế khen thưởng của tổ chức Công đoàn;' },
      { text: 'Xét đề nghị của các cấp công đoàn và của Hội đồng Thi đua - Khen thưởng,' },
      { text: 'QUYẾT ĐỊNH:', bold: true, alignment: 'center', margin: [0, 10, 0, 4] },
      ...lists,
      {
        text: [{ text: `Điều ${article++}. `, bold: true }, 'Quyết định có hiệu lực kể từ ngày ký.'],
        margin: [0, 10, 0, 0],
      },
      {
        text: [
          { text: `Điều ${article}. `, bold: true },
          'Các ban, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
        ],
      },
      signature(`TM. ${upper(boardName(ctx))}`, signer),
      { text: `Tổng số: ${awards.length} ${awards.length > 1 ? 'cá nhân, tập thể' : 'trường hợp'} được khen thưởng.`, fontSize: 9, color: '#555555', margin: [0, 24, 0, 0] },
    ],
  };
}

/** One award's certificate, landscape, in a red double frame. */
export function certificateDocument(a: DecisionAward, ctx: DecisionContext): TDocumentDefinitions {
  const typeName = a.awardType?.name ?? '';
  const unit = recipientUnit(a, ctx);
  return {
    info: { title: `${certificateTitle(typeName)} - ${a.nomineeName}`, subject: typeName },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [70, 60, 70, 60],
    defaultStyle: { fontSize: 13, lineHeight: 1.2 },
    background: (_page, size) => ({
      canvas: [
        { type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 3, lineColor: '#b71c1c' },
        { type: 'rect', x: 32, y: 32, w: size.width - 64, h: size.height - 64, lineWidth: 1, lineColor: '#b71c1c' },
      ],
    }),
    content: [
      heading(ctx, null, ''),
      { text: certificateTitle(typeName), bold: true, fontSize: 34, color: '#b71c1c', alignment: 'center', margin: [0, 26, 0, 6] },
      { text: upper(board(ctx)), bold: true, alignment: 'center' },
      { text: 'TẶNG', bold: true, alignment: 'center', margin: [0, 12, 0, 6] },
      { text: a.nomineeName, bold: true, fontSize: 24, color: '#0d47a1', alignment: 'center' },
      ...(unit ? [{ text: unit, alignment: 'center' as const, margin: [0, 4, 0, 0] as [number, number, number, number] }] : []),
      {
        text: `Đã có thành tích xuất sắc trong phong trào thi đua lao động giỏi và xây dựng tổ chức Công đoàn vững mạnh năm ${a.year}.`,
        alignment: 'center',
        italics: true,
        margin: [40, 14, 40, 0],
      },
      {
        columns: [
          {
            width: '*',
            stack: [{ text: `Quyết định số: ${a.decisionNumber}` }, { text: `Sổ khen thưởng số: ${a.id}` }],
            fontSize: 11,
            margin: [0, 40, 0, 0],
          },
          {
            width: 300,
            alignment: 'center',
            stack: [
              { text: longDate(a.decidedAt).replace(/^n/, 'N'), italics: true },
              { text: `TM. ${upper(boardName(ctx))}`, bold: true },
              { text: '(Đã ký)', italics: true, margin: [0, 24, 0, 24], color: '#555555' },
              { text: a.decidedBy?.fullName ?? '', bold: true },
            ],
          },
        ],
        margin: [0, 16, 0, 0],
      },
    ],
  };
}

/** A file name without diacritics or slashes: 'Quyet-dinh-12-QD-LDLD-TH.pdf'. */
export function fileName(...parts: string[]): string {
  return (
    parts
      .join('-')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') + '.pdf'
  );
}
