import type { TDocumentDefinitions, Content, TableCell } from 'pdfmake/interfaces';
import { formatDate, formatNumber, formatVnd } from '../common/format';
import type { YearReport } from '../providers/dataProvider';

/**
 * The year report as a union report reads, once, for the page and for the PDF: sections of
 * headings, lines and tables of plain text (the page renders them with MUI, the PDF with pdfmake).
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ReportTable {
  head: string[];
  rows: string[][];
  /** the last row is a total */
  total?: string[];
  /** columns aligned right (numbers) */
  numeric: number[];
  testId: string;
}
export interface ReportSection {
  title: string;
  lines: string[];
  tables: Array<{ caption?: string } & ReportTable>;
  testId: string;
}
export interface ReportText {
  heading: string;
  unitName: string;
  sections: ReportSection[];
  footer: string;
}

const pct = (v: number | null | undefined) => (v == null ? '' : `${formatNumber(v)} %`);

export function reportText(r: YearReport, translate: Translate, today = new Date()): ReportText {
  const t = (k: string, o?: Record<string, unknown>) => translate(`cd.year.report.${k}`, o);
  const e = (enumName: string, v: string) => translate(`cd.enums.${enumName}.${v}`, { _: v });
  const unitName = r.unit && 'name' in r.unit ? r.unit.name : '';
  const sections: ReportSection[] = [];

  const org = [t('members', { year: r.year, count: formatNumber(r.members) }), t('new_members', { count: formatNumber(r.newMembers) }), t('grassroots', { count: formatNumber(r.grassrootsUnions) })];
  if (r.undatedMembers) org.push(t('undated', { count: formatNumber(r.undatedMembers) }));
  sections.push({ title: t('organisation'), lines: org, tables: [], testId: 'report-organisation' });

  sections.push({
    title: t('targets'),
    lines: [r.targets.total ? t('targets_met', { met: r.targets.met, total: r.targets.total }) : t('no_targets', { year: r.year })],
    tables: r.targets.rows.length
      ? [
          {
            head: [t('indicator'), t('planned'), t('actual'), t('rate'), t('printed'), t('result')],
            rows: r.targets.rows.map((x) => [
              x.indicator?.name ?? '',
              formatNumber(x.planned),
              formatNumber(x.actual),
              pct(x.rate),
              pct(x.reportedRate),
              x.status ? e('TargetStatus', x.status) : '',
            ]),
            numeric: [1, 2, 3, 4],
            testId: 'report-targets',
          },
        ]
      : [],
    testId: 'report-targets-section',
  });

  sections.push({
    title: t('welfare'),
    lines: [t('welfare_total', { count: formatNumber(r.welfare.count), amount: formatVnd(r.welfare.amount) })],
    tables: r.welfare.byKind.length
      ? [
          {
            head: [t('kind'), t('count'), t('amount')],
            rows: r.welfare.byKind.map((k) => [e('WelfareKind', k.kind), formatNumber(k.count), formatVnd(k.amount)]),
            total: [t('total'), formatNumber(r.welfare.count), formatVnd(r.welfare.amount)],
            numeric: [1, 2],
            testId: 'report-welfare',
          },
        ]
      : [],
    testId: 'report-welfare-section',
  });

  sections.push({
    title: t('initiatives'),
    lines: [
      t('initiatives_line', {
        count: formatNumber(r.initiatives.count),
        recognized: formatNumber(r.initiatives.recognized),
        applied: formatNumber(r.initiatives.applied),
        benefit: formatVnd(r.initiatives.benefit),
      }),
    ],
    tables: [],
    testId: 'report-initiatives',
  });

  const ratingRows = (rows: YearReport['ratings']) => rows.map((x) => [e('RatingLevel', x.level), translate('cd.year.report.units', { smart_count: x.count })]);
  const ratingTables: ReportSection['tables'] = [];
  if (r.grassrootsRatings.length) ratingTables.push({ caption: t('ratings_grassroots'), head: [translate('resources.annualRatings.fields.level'), ''], rows: ratingRows(r.grassrootsRatings), numeric: [1], testId: 'report-ratings-grassroots' });
  if (r.ratings.length) ratingTables.push({ caption: t('ratings_all'), head: [translate('resources.annualRatings.fields.level'), ''], rows: ratingRows(r.ratings), numeric: [1], testId: 'report-ratings' });
  sections.push({ title: t('ratings'), lines: ratingTables.length ? [] : [t('none')], tables: ratingTables, testId: 'report-ratings-section' });

  sections.push({
    title: t('awards'),
    lines: r.awards.length ? [] : [t('none')],
    tables: r.awards.length
      ? [{ head: [t('award_form'), t('count')], rows: r.awards.map((a) => [a.awardType?.name ?? '', formatNumber(a.count)]), numeric: [1], testId: 'report-awards' }]
      : [],
    testId: 'report-awards-section',
  });

  sections.push({
    title: t('congresses'),
    lines: r.congresses.length
      ? r.congresses.map((c) =>
          [
            t('congress_line', {
              unit: c.unit && 'name' in c.unit ? c.unit.name : '',
              form: e('CongressForm', c.form),
              ordinal: c.ordinal ?? '',
              date: formatDate(c.heldOn),
              term: `${c.termStartYear}–${c.termEndYear}`,
              attended: formatNumber(c.attendedCount),
              convened: formatNumber(c.convenedCount),
            }).replace(/\s+/g, ' '),
            c.quorate ? t('quorate') : t('not_quorate'),
          ].join(', '),
        )
      : [t('none')],
    tables: [],
    testId: 'report-congresses',
  });

  return { heading: t('heading', { year: r.year }), unitName, sections, footer: t('made_at', { date: formatDate(today.toISOString().slice(0, 10)) }) };
}

/** The same report as a pdfmake document (A4, Roboto). */
export function reportPdf(text: ReportText): TDocumentDefinitions {
  const content: Content[] = [
    { text: text.unitName.toUpperCase(), style: 'unit' },
    { text: text.heading, style: 'heading' },
  ];
  for (const s of text.sections) {
    content.push({ text: s.title, style: 'section' });
    for (const l of s.lines) content.push({ text: l, margin: [0, 0, 0, 3] });
    for (const tb of s.tables) {
      if (tb.caption) content.push({ text: tb.caption, italics: true, margin: [0, 4, 0, 2] });
      const cell = (v: string, i: number, bold = false): TableCell => ({ text: v, alignment: tb.numeric.includes(i) ? 'right' : 'left', bold, noWrap: i > 0 });
      const body: TableCell[][] = [tb.head.map((h, i) => cell(h, i, true)), ...tb.rows.map((r) => r.map((v, i) => cell(v, i)))];
      if (tb.total) body.push(tb.total.map((v, i) => cell(v, i, true)));
      content.push({
        table: { headerRows: 1, widths: tb.head.map((_, i) => (i === 0 ? '*' : 'auto')), body },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 8],
        fontSize: 9.5,
      });
    }
  }
  content.push({ text: text.footer, style: 'footer' });
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 45, 50],
    info: { title: `${text.heading} – ${text.unitName}` },
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      unit: { fontSize: 11, bold: true, alignment: 'center' },
      heading: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 6, 0, 14] },
      section: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      footer: { fontSize: 8.5, italics: true, color: '#666666', margin: [0, 16, 0, 0] },
    },
  };
}
