import { describe, expect, it } from 'vitest';
import { xlsx } from '../test/support/sheets.ts';
import { browserRunForTests, signIn } from './support.ts';

describe('expert import through the wizard (browser)', () => {
  const run = browserRunForTests();

  it('uploads a small xlsx, sees the rejected rows with reasons, imports the rest and finds them in the list', async () => {
    const { page, baseUrl } = run;
    await signIn(page, baseUrl, 'operator');
    expect(new URL(page.url()).pathname).toBe('/');

    await page.goto(`${baseUrl}/registry/talents/import`);
    const file = await xlsx(
      ['编号', '姓名', '工作单位', '职称', '所在地区', '学科领域', '研究方向', '身份证号'],
      [
        ['WEB-1', '网页导入甲', '浙北理工学院', '教授', '吴兴区', '复合材料', '碳纤维回收', ''],
        ['WEB-2', '网页导入乙', '某研究院', '高工', '火星市', '人工智能', '', ''],
        ['WEB-3', '网页导入丙', '', '', '湖州', '', '', '110105194912310021'],
      ],
    );
    await page.locator('input[type=file]').setInputFiles({
      name: '专家名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-summary').waitFor();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.textContent()).toContain('身份证号');
    const reportText = (await report.textContent()) ?? '';
    expect(reportText).toContain('WEB-3');
    expect(reportText).toContain('校验位');
    expect(reportText).toContain('火星市');

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });

    await page.goto(`${baseUrl}/registry/talents?q=web-`);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    const rows = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(rows).toContain('网页导入甲');
    expect(rows).toContain('网页导入乙');
    expect(rows).not.toContain('网页导入丙');
  });
});
