import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../test/support/platform.ts';
import { browserRunForTests, signOut } from './support.ts';

describe('sign in, shell, language, sign out (browser)', () => {
  const run = browserRunForTests();

  it('an operator signs in, sees the Chinese shell, switches to English and signs out', async () => {
    const { page, baseUrl } = run;
    await page.goto(`${baseUrl}/users`);
    await page.waitForURL(/\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByLabel('用户名或手机号').fill('operator');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/users$/);
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('王敏');
    const header = await page.locator('header').textContent();
    expect(header).toContain('区域运营人员');
    expect(header).toContain('湖州市');
    const menu = await page.locator('.ant-menu').first().textContent();
    expect(menu).toContain('用户管理');
    expect(menu).not.toContain('审计日志'); // the operator may not read the audit log
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(3);

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('.ant-menu').first().textContent()).toContain('Users');
    expect(await page.locator('header').textContent()).toContain('Region operator');
    const cookies = await run.context.cookies(baseUrl);
    expect(cookies.find((c) => c.name === 'caiqiao_lang')?.value).toBe('en-US');

    await signOut(page);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
