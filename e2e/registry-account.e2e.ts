import { describe, expect, it } from 'vitest';
import { browserRunForTests, signIn, signOut } from './support.ts';

describe('linking an expert record to an account (browser)', () => {
  const run = browserRunForTests();

  it('the operator links a new account to an expert, who then sees the record as their profile', async () => {
    const { page, baseUrl, platform } = run;
    const admin = await platform.signIn('operator');
    const created = await admin.post('/api/users', {
      username: 'zhang.wenjing',
      displayName: '张文静',
      role: 'expert',
      regionCode: '330502',
      password: 'expert-Password-2026',
    });
    expect(created.status).toBe(201);
    const zj2 = (await admin.get('/api/registry/talents?q=ZJ-0002')).body.items[0];

    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/registry/talents/${zj2.id}`);
    const card = page.getByTestId('talent-account');
    await expect.poll(() => card.textContent()).toContain('尚未关联账号');
    // The demo expert's account already serves ZJ-0001: refused with who holds it.
    await page.getByTestId('talent-account-username').fill('expert');
    await page.getByTestId('talent-account-link').click();
    await expect.poll(() => card.textContent()).toContain('已关联 陈志远（ZJ-0001）');
    await page.getByTestId('talent-account-username').fill('zhang.wenjing');
    await page.getByTestId('talent-account-link').click();
    await expect
      .poll(() => page.getByTestId('talent-account-linked').textContent())
      .toContain('zhang.wenjing');

    await signOut(page);
    await signIn(page, baseUrl, 'zhang.wenjing', 'expert-Password-2026');
    await page.goto(`${baseUrl}/profile`);
    await expect.poll(() => page.locator('body').textContent()).toContain('ZJ-0002');
  });
});
