import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../../src/reference/idcard.ts';

/** A valid resident ID number for a birth date and sequence (check digit computed). */
export function idNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export type Cell = string | number | { formula: string; result: string | number } | null;

/** An .xlsx with one sheet: a header row and data rows, optionally with merged ranges (e.g. 'C8:C9'). */
export async function xlsx(headers: string[], rows: Cell[][], merges: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row.map((c) => (c === null ? undefined : c)));
  for (const range of merges) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A download's first sheet read back as rows keyed by the header row (every cell as text, empty for
 * none), with the X-Row-Count the server sent.
 */
export async function downloadedSheet(
  app: { inject(o: { method: 'GET'; url: string; headers: Record<string, string> }): Promise<Reply> },
  cookie: string,
  url: string,
): Promise<{ rows: Record<string, string>[]; count: number }> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] === undefined ? '' : String(cells[i])])));
  });
  return { rows, count: Number(res.headers['x-row-count']) };
}

interface Reply {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
}
