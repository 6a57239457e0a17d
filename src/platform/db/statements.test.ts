import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPglite } from './client.ts';
import { reuseStatements } from './statements.ts';

/** The named statements the session holds (PGlite's, by our prefix). */
async function parsed(db: PGlite): Promise<string[]> {
  const { rows } = await db.query<{ statement: string }>(
    "select statement from pg_prepared_statements where name like 'caiqiao_s%' order by statement",
  );
  return rows.map((r) => r.statement);
}

describe('PGlite: a text run again is a statement parsed once (reuseStatements)', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = reuseStatements(await createPglite());
    await db.exec(`
      create table things (id int primary key, name text not null, tags text[] not null default '{}',
        facts jsonb, at timestamptz, amount numeric(12, 2));
      insert into things values
        (1, '竹材改性', '{a,b}', '{"k": [1, 2]}', '2026-03-02T01:00:00Z', 12.50),
        (2, 'plain', '{}', null, null, null);`);
  });
  afterAll(() => db.close());

  const text =
    'select id, name, tags, facts, at, amount from things where id = any($1) or name = $2 order by id';

  it('answers exactly as PGlite does, the first time and every time after, with parameters of every kind', async () => {
    const once = await db.query(text, [[1], 'plain']);
    expect(once.rows).toEqual([
      {
        id: 1,
        name: '竹材改性',
        tags: ['a', 'b'],
        facts: { k: [1, 2] },
        at: new Date('2026-03-02T01:00:00Z'),
        amount: '12.50',
      },
      { id: 2, name: 'plain', tags: [], facts: null, at: null, amount: null },
    ]);
    expect(once.fields.map((f) => f.name)).toEqual(['id', 'name', 'tags', 'facts', 'at', 'amount']);
    const cases = [
      [[1], 'plain'],
      [[2], null],
      [[], '竹材改性'],
    ];
    for (const [i, params] of cases.entries()) {
      const again = await db.query(text, params, { rowMode: 'array' });
      // A text of its own each time, run once: PGlite's unnamed statement, to compare with.
      const plain = await db.query(`${text} -- unnamed ${i}`, params, { rowMode: 'array' });
      expect(again.rows).toEqual(plain.rows);
    }
    expect(await parsed(db)).toContain(text);
  });

  it('parses a text once: running it again adds no statement', async () => {
    const before = (await parsed(db)).length;
    for (let i = 0; i < 5; i++) await db.query(text, [[1], 'x']);
    expect((await parsed(db)).length).toBe(before);
  });

  it('leaves a text run only once unnamed', async () => {
    await db.query('select 1 as once_only');
    expect(await parsed(db)).not.toContain('select 1 as once_only');
  });

  it("answers a statement's error as PGlite does, and the next query still runs", async () => {
    const insert = 'insert into things (id, name) values ($1, $2)';
    await db.query(insert, [10, 'a']);
    await db.query(insert, [11, 'b']);
    await expect(db.query(insert, [11, 'again'])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query(text, [[11], null])).rows).toMatchObject([{ id: 11, name: 'b' }]);
  });

  it('parses again when the statements are gone, or a migration changed what a text returns', async () => {
    const star = 'select * from things where id = $1';
    await db.query(star, [1]);
    await db.query(star, [1]);
    await db.exec('deallocate all');
    expect((await db.query(star, [1])).rows).toHaveLength(1);
    await db.query(star, [1]);
    await db.exec('alter table things add column note text');
    expect((await db.query<{ note: unknown }>(star, [1])).rows[0]).toHaveProperty('note', null);
  });

  it('inside a transaction, statements run through the transaction as before and roll back with it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into things (id, name) values ($1, $2)', [20, 'in a transaction']);
        expect((await tx.query(text, [[20], null])).rows).toHaveLength(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await db.query(text, [[20], null])).rows).toHaveLength(0);
  });
});
