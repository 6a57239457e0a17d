import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { pgErrorCode } from '../db/client.ts';

describe('audit log', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await testPlatform();
  });
  afterAll(() => p.close());

  it('chains every row to the one before it', async () => {
    const result = await p.audit.verify();
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(12); // 4 organisations + 8 accounts from the demo seed
    const rows = await p.database.rows<{ prev_hash: string; hash: string }>(
      sql`select prev_hash, hash from audit_log order by id`,
    );
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
  });

  it.each([
    ['update', sql`update audit_log set actor_name = 'x'`],
    ['delete', sql`delete from audit_log`],
    ['truncate', sql`truncate audit_log`],
  ])('the database refuses to %s audit rows, even for the owner', async (_name, statement) => {
    const before = await p.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    const error = await p.database.rows(statement).then(
      () => null,
      (err: unknown) => err,
    );
    expect(pgErrorCode(error)).toBe('42501');
    expect(await p.database.rows(sql`select count(*)::int as n from audit_log`)).toEqual(before);
  });

  it('finds the first tampered row once someone bypasses the triggers', async () => {
    const admin = await p.signIn('admin');
    await admin.get('/api/users');
    const [target] = await p.database.rows<{ id: number }>(
      sql`select id::int as id from audit_log where action = 'user.create' order by id limit 1 offset 2`,
    );
    await p.database.rows(sql`alter table audit_log disable trigger audit_log_no_update`);
    await p.database.rows(
      sql`update audit_log set changes = '{"displayName": {"to": "伪造"}}'::jsonb where id = ${target!.id}`,
    );
    await p.database.rows(sql`alter table audit_log enable trigger audit_log_no_update`);

    const result = await p.audit.verify();
    expect(result).toMatchObject({ ok: false, firstBrokenId: target!.id });
    const res = await (await p.signIn('auditor')).get('/api/audit/verify');
    expect(res.body).toMatchObject({ ok: false, firstBrokenId: target!.id });
  });

  it('pages and filters for the auditor', async () => {
    const auditor = await p.signIn('auditor');
    const page = await auditor.get('/api/audit?pageSize=5&page=2');
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThan(10);
    const ids = page.body.items.map((r: { id: number }) => r.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const logins = await auditor.get('/api/audit?action=auth.login&actor=平台');
    expect(logins.body.items.length).toBeGreaterThan(0);
    expect(logins.body.items.every((r: { actorName: string }) => r.actorName === '平台管理员')).toBe(true);
    const future = await auditor.get('/api/audit?from=2099-01-01');
    expect(future.body.items).toEqual([]);
  });
});
