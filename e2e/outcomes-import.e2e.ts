import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { xlsx } from '../test/support/sheets.ts';
import { browserRunForTests, inputOf, modalOf, signIn } from './support.ts';

/** Types a day into a date picker as a person would, and confirms it with Enter. */
async function typeInPicker(picker: Locator, text: string) {
  const input = inputOf(picker);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

describe('a meeting’s outcomes from a sheet, and one by hand linked by code (browser)', () => {
  const run = browserRunForTests();

  it('imports the sheet through the wizard with its row issues, then records an outcome dated and linked by code', async () => {
    const { page, baseUrl } = run;
    await signIn(page, baseUrl, 'operator');
    const found = await page.request.get(`${baseUrl}/api/activities?kind=matchmaking&q=南太湖新材料`);
    const meeting = (await found.json()).items[0] as { id: string };
    await page.goto(`${baseUrl}/activities/${meeting.id}?tab=outcomes`);

    await page.getByTestId('outcome-import').click();
    const wizard = modalOf(page, '导入成效');
    const file = await xlsx(
      ['成效类型', '金额（万元）', '签约日期', '高校院所', '企业', '说明'],
      [
        ['协议', 50, '2026-02-27', '浙北理工学院', '德清绿源新材料有限公司', '网页导入的协议'],
        ['签约', null, '2026-02-27', '湖州绿色制造研究院', '不存在的科技有限公司', null],
        ['吃饭', null, '2026-02-27', '浙北理工学院', null, null],
      ],
    );
    await wizard.locator('input[type=file]').setInputFiles({
      name: '成效表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await wizard.getByTestId('import-upload').click();
    await wizard.getByTestId('import-summary').waitFor();
    const report = wizard.getByTestId('import-report');
    await expect.poll(() => report.textContent()).toContain('吃饭');
    expect(await report.textContent()).toContain('不存在的科技有限公司');
    await wizard.getByTestId('import-commit').click();
    await wizard.getByTestId('import-done').waitFor({ timeout: 30_000 });
    await wizard.getByTestId('import-back').click();

    const table = page.getByTestId('outcomes-table');
    await expect.poll(() => table.textContent()).toContain('网页导入的协议');
    const imported = table.locator('tr', { hasText: '网页导入的协议' });
    expect(await imported.textContent()).toContain('2026-02-27');
    expect(await imported.textContent()).toContain('500,000');
    expect(await table.textContent()).toContain('未匹配：不存在的科技有限公司');
    expect(await table.textContent()).not.toContain('吃饭');

    // By hand: a date typed as people write it, the demand found by its code.
    await page.getByTestId('outcome-add').click();
    const form = modalOf(page, '登记成效');
    await typeInPicker(form.getByTestId('outcome-date'), '2026-02-20');
    await inputOf(form.getByTestId('outcome-count')).fill('6');
    const item = form.getByTestId('outcome-list-item');
    await item.click();
    await inputOf(item).fill('XQ-2026-002');
    const option = page.locator('.ant-select-dropdown:visible [data-testid=link-option]', {
      hasText: 'XQ-2026-002',
    });
    await option.first().click();
    await form.getByTestId('outcome-save').click();
    const recorded = table.locator('tr', { hasText: 'XQ-2026-002' });
    await expect.poll(() => recorded.count()).toBe(1);
    expect(await recorded.textContent()).toContain('2026-02-20');
  });
});
