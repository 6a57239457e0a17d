import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserContextWith,
  browserRunForTests,
  expectNoHorizontalOverflow,
  expectTouchTarget,
  PHONE,
  signIn,
  signOut,
} from './support.ts';

/** The header's buttons a thumb presses: each at least 44×44. */
async function expectHeaderTouchTargets(page: Page) {
  for (const id of ['menu-toggle', 'inbox-bell', 'lang-switch', 'logout']) {
    await expectTouchTarget(page.getByTestId(id));
  }
}

/** Waits for the page's content and for its requests to finish, so that what it lays out is all there. */
async function settled(page: Page, content: Locator) {
  await content.waitFor();
  await page.waitForLoadState('networkidle');
}

/** Opens the menu drawer from the header and taps an entry; the drawer goes away. */
async function openFromDrawer(page: Page, entry: string) {
  await page.getByTestId('menu-toggle').tap();
  const drawer = page.getByTestId('menu-drawer');
  await drawer.waitFor();
  await drawer.getByText(entry, { exact: true }).tap();
  await drawer.waitFor({ state: 'hidden' });
}

describe('the shell on a phone, 390×844 (browser)', () => {
  const run = browserRunForTests();
  let phone: Awaited<ReturnType<typeof browserContextWith>>;
  beforeAll(async () => {
    phone = await browserContextWith(PHONE);
  });
  afterAll(() => phone?.close());

  it('an operator signs in, finds the menu in a drawer and moves between pages without scrolling sideways', async () => {
    const { page } = phone;
    const { baseUrl } = run;
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    await expectNoHorizontalOverflow(page);

    await signIn(page, baseUrl, 'operator');
    await settled(page, page.locator('.ant-layout-content .ant-card').first());
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('王敏');
    // No side bar: the menu is behind the header's button.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await expectHeaderTouchTargets(page);
    // The name stays on one line, inside the header (not one character per line over the page).
    const name = await page.getByTestId('current-user').boundingBox();
    const header = await page.locator('header').boundingBox();
    expect(name?.height ?? 0).toBeLessThanOrEqual(header?.height ?? 0);
    expect((name?.y ?? 0) + (name?.height ?? 0)).toBeLessThanOrEqual(
      (header?.y ?? 0) + (header?.height ?? 0),
    );

    await page.getByTestId('menu-toggle').tap();
    const drawer = page.getByTestId('menu-drawer');
    await drawer.waitFor();
    const account = await page.locator('.ant-drawer-header').textContent();
    expect(account).toContain('区域运营人员');
    expect(account).toContain('湖州市');
    expect(await drawer.textContent()).toContain('用户管理');
    await expectNoHorizontalOverflow(page);
    await drawer.getByText('站内消息', { exact: true }).tap();
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForURL(/\/notifications$/);
    await settled(page, page.getByTestId('inbox-list'));
    await expectNoHorizontalOverflow(page);
    await expectHeaderTouchTargets(page);

    await openFromDrawer(page, '首页');
    await page.waitForURL((url) => url.pathname === '/');
    await settled(page, page.locator('.ant-layout-content .ant-card').first());
    await expectNoHorizontalOverflow(page);

    await signOut(page);
    await expectNoHorizontalOverflow(page);
  });

  it('an expert opens the profile and the inbox from the phone, in Chinese and in English', async () => {
    const { page } = phone;
    const { baseUrl } = run;
    await signIn(page, baseUrl, 'expert');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('陈志远');
    await settled(page, page.locator('.ant-layout-content .ant-card').first());
    // His account belongs to no organisation: 所属机构 is the 工作单位 of his own record.
    await expect
      .poll(() => page.locator('.ant-descriptions-item', { hasText: '所属机构' }).first().textContent())
      .toContain('浙北理工学院');
    // 适合我的需求: its links are thumb-sized too.
    const matches = page.getByTestId('home-my-matches');
    await matches.getByTestId('match-result').first().waitFor();
    await expectTouchTarget(matches.getByTestId('match-result').first().getByRole('link').first());
    await expectTouchTarget(matches.locator('.ant-card-extra').getByRole('link'));
    await expectNoHorizontalOverflow(page);
    await expectHeaderTouchTargets(page);

    await openFromDrawer(page, '我的档案');
    await page.waitForURL(/\/profile$/);
    await settled(page, page.getByTestId('profile-edit').or(page.getByTestId('profile-empty')));
    await expectNoHorizontalOverflow(page);

    await page.getByTestId('inbox-bell').tap();
    await page.waitForURL(/\/notifications$/);
    await settled(page, page.getByTestId('inbox-list'));
    await expectNoHorizontalOverflow(page);

    // English words are longer: the header still fits.
    await page.getByTestId('lang-switch').tap();
    await expect.poll(() => page.getByTestId('lang-switch').textContent()).toContain('中文');
    await expectNoHorizontalOverflow(page);
    await expectHeaderTouchTargets(page);
    // The brand gives way first: the name is shown whole.
    expect(await page.getByTestId('current-user').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(
      true,
    );
    await openFromDrawer(page, 'My profile');
    await page.waitForURL(/\/profile$/);
    await settled(page, page.getByTestId('profile-edit').or(page.getByTestId('profile-empty')));
    await expectNoHorizontalOverflow(page);
    await page.getByTestId('lang-switch').tap();
    await expect.poll(() => page.getByTestId('lang-switch').textContent()).toContain('English');
    await signOut(page);
  });
});
