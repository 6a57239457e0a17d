import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { systemActor } from '../../platform/access/actor.ts';
import type { DictionaryKind } from '../../reference/dictionaries/index.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The code lists a process holds: once held, a lookup never waits for them to
 * be read again; other processes' edits are picked up behind the answers.
 */
describe('code lists (数据字典) held by a process', () => {
  const cacheMs = 150;
  let p: TestPlatform;
  let kind: DictionaryKind;
  let code: string;
  let original: string;

  beforeAll(async () => {
    p = await testPlatform({ demo: false, config: { cacheMs } });
    const [row] = await p.database.rows<{ kind: DictionaryKind; code: string; name: string }>(
      sql`select kind, code, name from dictionary_entries order by kind, code limit 1`,
    );
    ({ kind, code, name: original } = row!);
  });
  afterAll(() => p.close());

  /** Another process edits the table (a second server on the same PostgreSQL). */
  const renameElsewhere = (name: string) =>
    p.database.rows(
      sql`update dictionary_entries set name = ${name}, updated_at = now() where kind = ${kind} and code = ${code}`,
    );

  it('answers from the copy it holds after it expires, and reads the table again in the background', async () => {
    const dict = p.dictionaries;
    await dict.refresh();
    expect((await dict.snapshot()).name(kind, code)).toBe(original);

    await renameElsewhere('别处改名');
    await sleep(cacheMs + 50);
    // The copy is older than cacheMs and the table changed: the lookup does not wait for it.
    expect((await dict.snapshot()).name(kind, code)).toBe(original);
    await dict.refresh(true); // the refresh the lookup started
    expect((await dict.snapshot()).name(kind, code)).toBe('别处改名');
  });

  it('does not read the table again when nothing changed (a stamp of it is compared)', async () => {
    const dict = p.dictionaries;
    const reads = dict.reads;
    for (let i = 0; i < 3; i++) {
      await sleep(cacheMs + 20);
      await dict.snapshot();
      await dict.refresh(true);
    }
    expect(dict.reads).toBe(reads);
  });

  it("sees this process's own edit at once", async () => {
    const dict = p.dictionaries;
    await dict.save(systemActor('test'), kind, {
      code,
      name: '本进程改名',
      aliases: [],
      active: true,
    });
    expect((await dict.snapshot()).name(kind, code)).toBe('本进程改名');
    await renameElsewhere(original);
  });
});
