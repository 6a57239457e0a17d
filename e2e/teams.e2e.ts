import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserRunForTests, drawerOf, signIn, signOut } from './support.ts';

const DEMO_TEAM = '湖州新材料助企服务团';
const NEW_TEAM = '湖州数字经济助企服务团';

/**
 * Picks an expert in a search select: types the name, then takes the option with
 * the code (the demo has several experts of the same name).
 */
async function pickExpert(page: Page, select: Locator, name: string, code: string) {
  await select.click();
  await select.locator('input').fill(name);
  const option = page.getByTestId('expert-option').filter({ visible: true }).filter({ hasText: code });
  await expect.poll(() => option.count()).toBe(1);
  await option.click();
}

describe('service teams and e-mail for messages (browser)', () => {
  const run = browserRunForTests();

  it('the operator sets up, edits and archives a team; the expert sees the teams read-only', async () => {
    const { page, baseUrl } = run;
    await signIn(page, baseUrl, 'operator');
    await page.locator('.ant-menu').first().getByText('服务团队', { exact: true }).click();
    await page.waitForURL(/\/teams$/);
    const table = page.getByTestId('teams-table');
    const demo = table.locator('tr', { hasText: DEMO_TEAM });
    await expect.poll(() => demo.textContent()).toContain('陈志远');
    expect(await demo.textContent()).toContain('助企服务团');
    expect(await demo.textContent()).toContain('湖州市');

    // The kind filter, kept in the URL.
    await page.getByTestId('team-filter-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '科技特派员团队' }).click();
    await page.getByTestId('team-search').click();
    await page.waitForURL(/kind=commissioners/);
    // (The previous page shows until the new one arrives.)
    await expect.poll(() => table.textContent()).not.toContain(DEMO_TEAM);
    expect(await table.textContent()).toContain('南太湖科技特派员团队');
    await page
      .getByTestId('team-filters')
      .getByRole('button', { name: /重\s*置/ })
      .click();
    await expect.poll(() => table.textContent()).toContain(DEMO_TEAM);

    // 组建团队: the form says what is missing, in Chinese.
    await page.getByTestId('team-create').click();
    const create = drawerOf(page, '组建服务团队');
    await create.getByTestId('team-save').click();
    await expect
      .poll(() => create.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['请输入团队名称', '请选择队长']);
    await create.getByTestId('team-name').fill(NEW_TEAM);
    await pickExpert(page, create.getByTestId('team-leader'), '王雪梅', 'ZJ-0002');
    await pickExpert(page, create.getByTestId('team-members'), '张文静', 'ZJ-0004');
    await pickExpert(page, create.getByTestId('team-members'), '刘宏伟', 'ZJ-0005');
    await page.keyboard.press('Escape');
    const roster = create.getByTestId('team-duty-row');
    await expect.poll(() => roster.allTextContents()).toEqual(['王雪梅队长', '张文静', '刘宏伟']);
    await roster.filter({ hasText: '王雪梅' }).getByTestId('team-duty').fill('总协调');
    await create.getByTestId('team-save').click();
    await create.waitFor({ state: 'detached' });
    const created = table.locator('tr', { hasText: NEW_TEAM });
    await expect.poll(() => created.textContent()).toContain('王雪梅');
    expect(await created.textContent()).toContain('湖州市');
    expect(await created.locator('td').nth(3).textContent()).toBe('3');

    // A second team of the same name in the region: the server's message, on the name.
    await page.getByTestId('team-create').click();
    const duplicate = drawerOf(page, '组建服务团队');
    await duplicate.getByTestId('team-name').fill(NEW_TEAM);
    await pickExpert(page, duplicate.getByTestId('team-leader'), '张文静', 'ZJ-0004');
    await duplicate.getByTestId('team-save').click();
    await expect
      .poll(() => duplicate.getByTestId('team-form-error').textContent())
      .toContain('本地区已有同名服务团队');
    await duplicate.getByRole('button', { name: /取\s*消/ }).click();
    await duplicate.waitFor({ state: 'detached' });

    // 编辑: a duty for a member; the leader keeps theirs.
    await created.getByTestId('team-edit').click();
    const edit = drawerOf(page, `编辑团队：${NEW_TEAM}`);
    const editRoster = edit.getByTestId('team-duty-row');
    await expect.poll(() => editRoster.count()).toBe(3);
    expect(await editRoster.filter({ hasText: '王雪梅' }).getByTestId('team-duty').inputValue()).toBe(
      '总协调',
    );
    await editRoster.filter({ hasText: '张文静' }).getByTestId('team-duty').fill('技术顾问');
    await edit.getByTestId('team-save').click();
    await edit.waitFor({ state: 'detached' });

    // Someone else changes the team while the form is open: the server refuses the stale version,
    // the drawer says so, and the list shows the team as it is now.
    await created.getByTestId('team-edit').click();
    const stale = drawerOf(page, `编辑团队：${NEW_TEAM}`);
    await stale.getByTestId('team-name').waitFor();
    const other = await run.platform.signIn('operator');
    const [current] = (await other.get(`/api/teams?q=${encodeURIComponent(NEW_TEAM)}`)).body.items;
    const changed = await other.put(`/api/teams/${current.id}`, {
      name: current.name,
      kind: 'other',
      regionCode: current.regionCode,
      leaderTalentId: current.leader.talentId,
      members: current.members.map((m: { talentId: string; duty: string | null }) =>
        m.duty ? { talentId: m.talentId, duty: m.duty } : { talentId: m.talentId },
      ),
      version: current.version,
    });
    expect(changed.status).toBe(200);
    await stale.getByTestId('team-description').fill('走访安排：每月一次');
    await stale.getByTestId('team-save').click();
    await expect.poll(() => stale.getByTestId('team-form-error').textContent()).toContain('记录已被他人修改');
    await stale.getByRole('button', { name: '重新加载' }).click();
    await stale.waitFor({ state: 'detached' });
    await expect.poll(() => created.textContent()).toContain('其他服务团队');

    // The team's page: members with their duties, linked to their records.
    await created.getByRole('link', { name: NEW_TEAM }).click();
    await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('team-title').textContent()).toBe(NEW_TEAM);
    const members = page.getByTestId('team-members-table');
    await expect.poll(() => members.locator('tr', { hasText: '张文静' }).textContent()).toContain('技术顾问');
    expect(await members.locator('tr', { hasText: '王雪梅' }).textContent()).toMatch(/队长.*总协调/);
    expect(await members.locator('tr', { hasText: '刘宏伟' }).textContent()).toContain('成员');
    await members.getByRole('link', { name: '张文静' }).click();
    await page.waitForURL(/\/registry\/talents\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toBe('张文静');
    await page.goBack();

    // 归档: gone from the list until archived teams are shown too.
    await page.getByTestId('team-archive').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => page.getByTestId('team-archived').count()).toBe(1);
    await page.locator('.ant-card-head').getByRole('button', { name: '返回列表' }).click();
    await page.waitForURL(/\/teams$/);
    await expect.poll(() => table.textContent()).not.toContain(NEW_TEAM);
    expect(await table.textContent()).toContain(DEMO_TEAM);
    await page.getByTestId('team-filter-archived').click();
    await page.getByTestId('team-search').click();
    await expect.poll(() => created.textContent()).toContain('已归档');
    await signOut(page);

    // The expert sees the teams of the city, without anything to change.
    await signIn(page, baseUrl, 'expert');
    await page.locator('.ant-menu').first().getByText('服务团队', { exact: true }).click();
    await page.waitForURL(/\/teams$/);
    await expect.poll(() => table.locator('tr', { hasText: DEMO_TEAM }).textContent()).toContain('陈志远');
    expect(await page.getByTestId('team-create').count()).toBe(0);
    expect(await page.getByTestId('team-edit').count()).toBe(0);
    await table.getByRole('link', { name: DEMO_TEAM }).click();
    await expect.poll(() => page.getByTestId('team-title').textContent()).toBe(DEMO_TEAM);
    await expect.poll(() => page.getByTestId('team-members-table').locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('team-archive').count()).toBe(0);
    expect(await page.getByTestId('team-detail-edit').count()).toBe(0);
    // Without the registry, names are not links.
    expect(await page.getByTestId('team-expert-link').count()).toBe(0);
    await signOut(page);
  });

  it('the expert sets their e-mail for messages; the administrator sees it masked and clears it', async () => {
    const { page, baseUrl } = run;
    await signIn(page, baseUrl, 'expert');
    await page.goto(`${baseUrl}/account`);
    const card = page.getByTestId('account-email');
    await expect.poll(() => card.getByTestId('account-email-current').textContent()).toBe('未设置');
    expect(await card.textContent()).toContain('站内消息也会同时发送到此邮箱');

    await card.getByTestId('account-email-input').fill('chen.zhiyuan@');
    await card.getByTestId('account-email-save').click();
    await expect
      .poll(() => card.locator('.ant-form-item-explain-error').textContent())
      .toBe('电子邮箱格式不正确');

    // Saved as the server keeps it (lower case), and still there after a reload.
    await card.getByTestId('account-email-input').fill(' Chen.ZhiYuan@Example.cn ');
    await card.getByTestId('account-email-save').click();
    await expect
      .poll(() => card.getByTestId('account-email-current').textContent())
      .toBe('chen.zhiyuan@example.cn');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('account-email-current').textContent())
      .toBe('chen.zhiyuan@example.cn');
    expect(await page.getByTestId('account-email-input').inputValue()).toBe('chen.zhiyuan@example.cn');
    await signOut(page);

    // The operator sees the address masked, and may clear it.
    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/users`);
    const row = page.locator('.ant-table-row', { hasText: 'expert' }).filter({ hasText: '陈志远' });
    await expect.poll(() => row.textContent()).toContain('c***@example.cn');
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const modal = page.locator('.ant-modal-content', { hasText: '编辑用户：陈志远' });
    expect(await modal.getByTestId('user-email').getAttribute('placeholder')).toBe('c***@example.cn');
    expect(await modal.getByTestId('user-email').inputValue()).toBe('');
    await modal.getByTestId('user-clear-email').click();
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).not.toContain('c***@example.cn');
    await signOut(page);

    await signIn(page, baseUrl, 'expert');
    await page.goto(`${baseUrl}/account`);
    await expect.poll(() => page.getByTestId('account-email-current').textContent()).toBe('未设置');
  });
});
