import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairsWorkbook } from '../src/modules/matching/batch.ts';
import { type Client, type TestPlatform, testPlatform } from './support/platform.ts';

/**
 * Every sheet the platform hands out prints landscape, one page wide (issue 13,
 * item 16), and the Word report keeps each heading with what follows it.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function expectPrintable(data: Buffer, what: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  expect(book.worksheets.length, what).toBeGreaterThan(0);
  for (const sheet of book.worksheets) {
    const where = `${what} › ${sheet.name}`;
    expect(sheet.pageSetup, where).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  }
}

describe('print setup of downloads', () => {
  let p: TestPlatform;
  let admin: Client;
  beforeAll(async () => {
    p = await testPlatform();
    admin = await p.signIn('admin');
  });
  afterAll(() => p.close());

  it('every xlsx a GET route answers prints landscape and one page wide, on every sheet', async () => {
    const activities = (await admin.get('/api/activities?pageSize=200')).body.items as {
      id: string;
      kind: string;
    }[];
    const matchmaking = activities.find((a) => a.kind === 'matchmaking')!.id;
    const params: Record<string, string> = { id: matchmaking, metric: 'agreements_signed', stage: 'placed' };
    const period = 'from=2026-01-01&to=2026-12-31';
    const downloads = p
      .routes()
      .filter((r) => r.method === 'GET' && /export|\.xlsx|template/.test(r.url))
      .map((r) => r.url.replace(/:(\w+)/g, (_m, name: string) => params[name]!));
    let sheets = 0;
    for (const url of downloads) {
      const full = url.startsWith('/api/insights') ? `${url}?${period}` : url;
      const res = await p.app.inject({ method: 'GET', url: full, headers: { cookie: admin.cookie! } });
      expect(res.statusCode, `${full}: ${res.body.slice(0, 200)}`).toBe(200);
      if (!String(res.headers['content-type']).startsWith(XLSX)) continue; // csv and png
      await expectPrintable(res.rawPayload, full);
      sheets++;
    }
    // Registry and list exports and templates, orders, activities (list, attendance, schedule,
    // outcomes), the registration template, the dashboard and its drill-downs.
    expect(sheets).toBeGreaterThanOrEqual(25);
  });

  it('the matchmaking meeting’s pairs workbook too', async () => {
    const data = await pairsWorkbook([], [], '专家');
    await expectPrintable(data, 'pairs');
  });

  it('the Word report keeps every heading with the paragraph or table after it', async () => {
    const operator = await p.signIn('operator');
    const file = await p.app.inject({
      method: 'GET',
      url: '/api/insights/report?from=2026-01-01&to=2026-12-31',
      headers: { cookie: operator.cookie! },
    });
    expect(file.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/gs) ?? [];
    const headings = paragraphs.filter((para) => /<w:pStyle w:val="(Heading1|Title)"\/>/.test(para));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    for (const h of headings) expect(h, h.replace(/<[^>]+>/g, '')).toContain('<w:keepNext/>');
  });
});
