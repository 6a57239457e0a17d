import { describe, expect, it } from 'vitest';
import { browserRunForTests, signIn, signOut } from './support.ts';

describe('editing a record or a list item from its list (browser)', () => {
  const run = browserRunForTests();

  it('the form holds the fields the list does not show, and saving one change keeps them', async () => {
    const { page, baseUrl, platform } = run;
    const api = await platform.signIn('operator');
    const found = (await api.get('/api/registry/talents?q=ZJ-0002')).body.items[0];
    const before = (await api.get(`/api/registry/talents/${found.id}`)).body;
    // The list item leaves out the long texts; the record has them.
    expect(found).not.toHaveProperty('researchInterests');
    expect(before.researchInterests).toBeTruthy();

    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/registry/talents?q=ZJ-0002`);
    const row = page.locator('tr', { hasText: 'ZJ-0002' });
    await row.getByTestId('registry-edit').click();
    // The form shows the record as its page reads it, research interests included.
    const research = page.locator('#researchInterests');
    await expect.poll(() => research.inputValue()).toBe(before.researchInterests);
    await page.locator('#employerName').fill('湖州市新材料研究院');
    await page.getByTestId('record-save').click();
    await expect.poll(() => row.textContent()).toContain('湖州市新材料研究院');

    const after = (await api.get(`/api/registry/talents/${found.id}`)).body;
    expect(after).toMatchObject({
      employerName: '湖州市新材料研究院',
      researchInterests: before.researchInterests,
      representativeWork: before.representativeWork,
      birthYear: before.birthYear,
      version: before.version + 1,
    });
    await signOut(page);
  });

  it('a demand edited from its list keeps the description the list does not carry', async () => {
    const { page, baseUrl, platform } = run;
    const api = await platform.signIn('operator');
    const listed = (await api.get('/api/lists/demands?pageSize=50')).body.items as {
      id: string;
      code: string;
      editable: boolean;
    }[];
    const found = listed.find((d) => d.editable)!;
    const before = (await api.get(`/api/lists/demands/${found.id}`)).body;
    expect(found).not.toHaveProperty('description');
    expect(before.description).toBeTruthy();

    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/lists/demands?q=${found.code}`);
    const row = page.locator('tr', { hasText: found.code });
    await row.getByTestId('list-edit').click();
    const description = page.locator('#description');
    await expect.poll(() => description.inputValue()).toBe(before.description);
    await page.locator('#title').fill(`${before.title}（修订）`);
    await page.getByTestId('list-save').click();
    await expect.poll(() => row.textContent()).toContain('（修订）');

    const after = (await api.get(`/api/lists/demands/${found.id}`)).body;
    expect(after).toMatchObject({
      title: `${before.title}（修订）`,
      description: before.description,
      keywords: before.keywords,
      contactName: before.contactName,
      version: before.version + 1,
    });
  });
});
