import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { systemActor } from '../access/actor.ts';
import { FieldCipher } from '../crypto/fields.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

function readBackup(file: string) {
  const [head, ...rest] = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
  return {
    header: JSON.parse(head!) as { keyId?: string; tables: string[]; excluded?: string[] },
    rows: rest.map((l) => JSON.parse(l) as { t: string; r: Record<string, unknown> }),
  };
}

/** The backup as an older version wrote it: no key id in the header. */
function withoutKeyId(file: string, to: string) {
  const [head, ...rest] = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const { keyId: _dropped, excluded: _too, ...header } = JSON.parse(head!);
  writeFileSync(to, gzipSync([JSON.stringify(header), ...rest].join('\n')));
}

describe('backup and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-backup-'));
  const file = join(dir, 'backup.jsonl.gz');
  let source: TestPlatform;
  let target: TestPlatform;

  beforeAll(async () => {
    source = await testPlatform();
    target = await testPlatform({ demo: false });
    await source.signIn('operator'); // a session, which must not travel
  });
  afterAll(async () => {
    await source.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the key that encrypted the personal data, and leaves sessions out', async () => {
    const [encrypted] = await source.database.rows<{ n: number }>(
      sql`select count(*)::int as n from talents where mobile_enc is not null`,
    );
    expect(encrypted!.n).toBeGreaterThan(0);
    expect((await source.tableCounts()).sessions).toBeGreaterThan(0);

    const summary = await backupDatabase(source.database, file, source.cipher);
    const { header, rows } = readBackup(file);
    expect(header.keyId).toBe(source.cipher.keyId);
    expect(header.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(header)).not.toContain(source.config.secrets.fieldKey.toString('hex'));
    expect(header.tables).not.toContain('sessions');
    expect(header.excluded).toEqual(['sessions']);
    expect(rows.some((r) => r.t === 'sessions')).toBe(false);
    expect(summary.tables.sessions).toBeUndefined();
    expect(rows.some((r) => r.t === 'talents')).toBe(true);
  });

  it('writes no backup with a key that does not open the data', async () => {
    const wrong = join(dir, 'wrong.jsonl.gz');
    await expect(
      backupDatabase(source.database, wrong, new FieldCipher(randomBytes(32))),
    ).rejects.toMatchObject({ code: 'BACKUP_KEY_WRONG' });
    expect(() => readFileSync(wrong)).toThrow();
  });

  it('refuses to restore under another key and changes nothing', async () => {
    await target.accounts.create(
      null,
      {
        username: 'keep.me',
        displayName: '留守',
        role: 'expert',
        regionCode: '330503',
        password: 'keep-Me-2026-x',
      },
      systemActor('test'),
    );
    const before = await target.tableCounts();
    await expect(restoreDatabase(target.database, file, target.cipher)).rejects.toMatchObject({
      code: 'BACKUP_KEY_MISMATCH',
      params: { backupKeyId: source.cipher.keyId, keyId: target.cipher.keyId },
    });
    expect(await target.tableCounts()).toEqual(before);

    // A backup made before key ids were recorded: its ciphertexts are tried with the key.
    const old = join(dir, 'old.jsonl.gz');
    withoutKeyId(file, old);
    await expect(restoreDatabase(target.database, old, target.cipher)).rejects.toMatchObject({
      code: 'BACKUP_KEY_UNVERIFIED',
    });
    expect(await target.tableCounts()).toEqual(before);
  });

  it('restores with the key that made it, sessions left behind', async () => {
    const expected = await source.tableCounts();
    await restoreDatabase(target.database, file, source.cipher);
    const restored = await target.tableCounts();
    expect(restored).toEqual({ ...expected, sessions: 0 });
    const [row] = await target.database.rows<{ mobile_enc: string }>(
      sql`select mobile_enc from talents where mobile_enc is not null limit 1`,
    );
    expect(source.cipher.decrypt(row!.mobile_enc)).toMatch(/^1\d{10}$/);

    // An old backup (no key id) whose ciphertexts open with the key restores too.
    const old = join(dir, 'old.jsonl.gz');
    await restoreDatabase(target.database, old, source.cipher);
    expect(await target.tableCounts()).toEqual({ ...expected, sessions: 0 });
  });

  it('refuses a file that is not a backup', async () => {
    const junk = join(dir, 'junk.gz');
    writeFileSync(junk, 'not a backup');
    await expect(restoreDatabase(target.database, junk, target.cipher)).rejects.toMatchObject({
      code: 'BACKUP_FORMAT_UNKNOWN',
    });
  });
});
