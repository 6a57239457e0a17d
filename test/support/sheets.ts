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
