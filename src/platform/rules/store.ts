import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { ruleSets } from './schema.ts';
import { type Rule, type RuleSet, ruleSchema } from './tree.ts';

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

/**
 * Stores a new version of a rule set (the one before stays, for what it
 * decided) and answers it. Versions of a key are taken in turn: two
 * administrators saving at once make two versions, never one lost.
 */
export async function saveRuleSet(
  tx: Executor,
  input: { key: string; name: { zh: string; en: string }; rule: Rule; createdBy: string | null; at: Date },
): Promise<RuleSet> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rule_sets:${input.key}`}))`);
  const [latest] = await tx
    .select({ version: ruleSets.version })
    .from(ruleSets)
    .where(eq(ruleSets.key, input.key))
    .orderBy(desc(ruleSets.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  await tx.insert(ruleSets).values({
    key: input.key,
    version,
    nameZh: input.name.zh,
    nameEn: input.name.en,
    rule: input.rule,
    createdBy: input.createdBy,
    createdAt: input.at,
  });
  return { key: input.key, version, name: input.name, rule: input.rule };
}
