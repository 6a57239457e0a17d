import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chinaDate } from '../../reference/china-time.ts';
import { change, chineseDate, chinesePeriod, count, money } from './numbers.ts';
import type { Report } from './report.ts';

/** Laying the report out as a Word document: title, sections, the figures' tables, the charts, the note. */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The report as a Word document; `now` dates its closing note. */
export async function reportDocx(report: Report, now: Date): Promise<{ fileName: string; data: Buffer }> {
  const { scope } = report;
  const body = (text: string) =>
    new Paragraph({
      children: [new TextRun({ text, size: 28, font: 'FangSong' })],
      indent: { firstLine: 560 },
      spacing: { line: 520 },
    });
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new TextRun({ text: report.title, bold: true, size: 40, font: 'SimHei' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      keepNext: true,
      children: [
        new TextRun({
          text: `（${chinesePeriod(scope.fromDate, scope.toDate)}）`,
          size: 28,
          font: 'KaiTi',
        }),
      ],
    }),
    body(report.lead),
  ];
  report.sections.forEach((section, i) => {
    children.push(heading(`${NUMERALS[i]}、${section.heading}`));
    for (const p of section.paragraphs) children.push(body(p));
  });

  children.push(heading(`${NUMERALS[report.sections.length]}、主要指标`));
  const header = ['指标', '本期', '上年同期', '同比'];
  const rows = report.figures.metrics
    .filter((m) => m.value > 0 || m.lastYear.value > 0)
    .map((m) => {
      const now = `${count(m.value)}${m.unit}${m.amountYuan ? `（${money(m.amountYuan)}）` : ''}`;
      const before = `${count(m.lastYear.value)}${m.unit}${m.lastYear.amountYuan ? `（${money(m.lastYear.amountYuan)}）` : ''}`;
      return [m.name, now, before, change(m.value, m.lastYear.value, '同比')?.replace('同比', '') ?? '—'];
    });
  children.push(table(header, rows));
  if (report.byRegion.length > 1) {
    children.push(heading(`${NUMERALS[report.sections.length + 1]}、分地区情况`));
    children.push(
      table(
        ['地区', '举办活动（场次）', '发布需求（项）', '企业点单（个）', '合作协议（项）'],
        report.byRegion.map((r) => [
          r.label,
          String(r.activities),
          String(r.demands),
          String(r.orders),
          String(r.agreements),
        ]),
      ),
    );
  }
  for (const chart of report.charts) {
    if (!chart.png) continue;
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 200 },
        children: [
          new ImageRun({
            type: 'png',
            data: chart.png,
            transformation: { width: chart.width * 0.9, height: chart.height * 0.9 },
            altText: { title: chart.title, description: chart.title, name: chart.title },
          }),
        ],
      }),
    );
  }
  children.push(
    new Paragraph({
      spacing: { before: 300 },
      children: [
        new TextRun({
          text: `注：本简报数字由才桥平台按业务记录自动统计（${chineseDate(chinaDate(now))}生成），各项数字可在“数据看板”中点击查看对应记录。`,
          size: 21,
          color: '666666',
        }),
      ],
    }),
  );
  const doc = new Document({
    creator: '才桥 Caiqiao',
    title: report.title,
    styles: { default: { document: { run: { font: 'FangSong', size: 28 } } } },
    sections: [{ children }],
  });
  return {
    fileName: `${report.title}（${scope.fromDate}至${scope.toDate}）.docx`,
    data: await Packer.toBuffer(doc),
  };
}

/** A section heading, kept on the page of what follows it (a paragraph or a table's first row). */
function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    keepLines: true,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: 30, font: 'SimHei' })],
  });
}

function table(header: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size: 22 })] }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}
