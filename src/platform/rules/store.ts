import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { ruleSets } from './schema.ts';
import { type RuleSet, ruleSchema } from './tree.ts';

/**
 * The rule sets in force: the newest version of a key. A stored rule is
 * checked by the schema again on reading, so a row edited by hand that no
 * longer parses fails loudly instead of deciding wrongly.
 */
export async function currentRuleSet(db: Executor, key: string): Promise<RuleSet | undefined> {
  const [row] = await db
    .select()
    .from(ruleSets)
    .where(eq(ruleSets.key, key))
    .orderBy(desc(ruleSets.version))
    .limit(1);
  if (!row) return undefined;
  return {
    key: row.key,
    version: row.version,
    name: { zh: row.nameZh, en: row.nameEn },
    rule: ruleSchema.parse(row.rule),
  };
}
