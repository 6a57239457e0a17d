import { describe, expect, it } from 'vitest';
import { xlsx } from '../test/support/sheets.ts';
import { browserRunForTests, inputOf, signIn, signOut } from './support.ts';

describe('a technical demand from posting to matched experts (browser)', () => {
  const run = browserRunForTests();

  it('the enterprise posts and submits, the operator publishes and sees experts with reasons, then searches free text', async () => {
    const { page, baseUrl } = run;
    await signIn(page, baseUrl, 'enterprise');
    await page.goto(`${baseUrl}/lists/demands`);
    await page.getByTestId('list-create').click();
    // 地区 starts where the enterprise is (德清县), without being chosen.
    await expect
      .poll(() => page.locator('.ant-drawer .ant-cascader').first().textContent())
      .toContain('德清县');
    // Saving an empty form says what is missing, in Chinese.
    await page.getByTestId('list-save').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').first().textContent())
      .toContain('请');
    // 编号 is left blank: the platform numbers the demand after the demo's XQ-2026-001 … 008 and the
    // commissioner's refined demand (XQ-2026-009, the demo enterprise's draft).
    await page.getByLabel('需求名称').fill('碳纤维复合材料构件轻量化连接工艺');
    await page
      .getByLabel('需求描述')
      .fill('复合材料与铝合金连接处在疲劳试验中分层开裂，需要胶接与铆接混合连接工艺和失效分析方法。');
    // 截止日期 typed as people write it (the picker shows the Chinese form) is understood and saved.
    const deadline = inputOf(page.getByTestId('list-deadline'));
    await deadline.click();
    await deadline.fill('2027-03-31');
    await deadline.press('Enter');
    await expect.poll(() => deadline.inputValue()).toBe('2027年3月31日');
    // The budget is typed and shown in 万元, as the label says (and the sheets).
    await page.getByLabel('预算（万元）').fill('50');
    await page.getByTestId('list-save').click();
    await page.getByTestId('record-title').waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('XQ-2026-010');
    await expect.poll(() => page.locator('main').textContent()).toContain('2027年3月31日');
    await expect.poll(() => page.locator('main').textContent()).toContain('德清县');
    expect(await page.locator('main').textContent()).toMatch(/预算（万元）\s*50(?![\d.])/);
    await expect.poll(() => page.getByTestId('list-status').first().textContent()).toContain('草稿');
    await page.getByTestId('list-action-submit').click();
    await expect.poll(() => page.getByTestId('list-status').first().textContent()).toContain('待审核');
    const url = page.url();

    await signOut(page);
    await signIn(page, baseUrl, 'operator');
    await page.goto(url);
    await page.getByTestId('list-action-publish').click();
    await expect.poll(() => page.getByTestId('list-status').first().textContent()).toContain('已发布');
    const panel = page.getByTestId('suggestions-panel');
    await panel.getByTestId('match-result').first().waitFor();
    expect(await panel.getByTestId('match-result').count()).toBeGreaterThan(2);
    const firstReasons = (await panel.getByTestId('match-result').first().textContent()) ?? '';
    expect(firstReasons).toContain('共同关键词');
    expect(firstReasons).toMatch(/复合材料|连接|碳纤维/);

    await page.goto(`${baseUrl}/matching/search`);
    await page.getByTestId('match-search-text').fill('锂電池熱失控預警'); // traditional characters fold
    await page.getByTestId('match-search-submit').click();
    const results = page.getByTestId('match-results');
    await results.getByTestId('match-result').first().waitFor();
    expect(await results.textContent()).toMatch(/热失控|电池/);

    // The matchmaking meeting: upload the day's demand sheet, download the pairs with reasons.
    const batch = page.getByTestId('match-batch');
    await batch.locator('input[type=file]').setInputFiles({
      name: '对接会需求.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsx(['编号', '需求名称', '需求描述'], [['M-1', '竹家具防霉', '竹制品梅雨季霉变']]),
    });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('match-batch-submit').click(),
    ]);
    expect(download.suggestedFilename()).toBe('对接建议-成果.xlsx');
  });
});
