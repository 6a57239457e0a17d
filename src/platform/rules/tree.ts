/**
 * Rules as data: a small expression tree (all / any / at least N over
 * comparisons of facts) that certification tiers, policy eligibility and team
 * composition store as JSON with a version. This file is the tree's shape and
 * its checks; evaluate.ts is the one evaluator.
 * Pure: imports only zod and pure files, so the web may bundle it.
 */
import { z } from 'zod';
import { fieldMessage } from '../i18n/field-messages.ts';
import type { Bilingual } from '../i18n/locale.ts';

/** Stored rules stay small enough to read and to evaluate without a second thought. */
export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_NODES = 200;
/** Values an `in` list may name; a longer list is a code list, not a rule. */
const MAX_LIST_VALUES = 200;

/** Fact names and rule-set keys: identifiers, so they read the same in JSON, code and logs. */
const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, fieldMessage('RULE_IDENTIFIER_INVALID'));
const text = z.string().trim().min(1).max(200);

export const bilingualNameSchema = z.strictObject({ zh: text, en: text });

const scalar = z.union([z.number(), z.string().max(200), z.boolean()]);
const listValue = z.union([z.string().max(200), z.number()]);
const name = bilingualNameSchema.optional();

/** One comparison of a fact; the value's type follows from the operator. */
export const conditionSchema = z.discriminatedUnion('op', [
  z.strictObject({ fact: identifier, op: z.enum(['eq', 'ne']), value: scalar, name }),
  z.strictObject({ fact: identifier, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number(), name }),
  z.strictObject({
    fact: identifier,
    op: z.enum(['in', 'notIn']),
    value: z.array(listValue).min(1).max(MAX_LIST_VALUES),
    name,
  }),
  /** A list fact holds the value among its items. */
  z.strictObject({ fact: identifier, op: z.literal('includes'), value: listValue, name }),
  /** The fact is there and not empty (not '', not []). */
  z.strictObject({ fact: identifier, op: z.literal('exists'), name }),
]);

export type Condition = z.infer<typeof conditionSchema>;
export type Operator = Condition['op'];
export const OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'includes',
  'exists',
] as const satisfies readonly Operator[];

export interface AllRule {
  all: Rule[];
  name?: Bilingual;
}
export interface AnyRule {
  any: Rule[];
  name?: Bilingual;
}
export interface AtLeastRule {
  atLeast: number;
  of: Rule[];
  name?: Bilingual;
}
export type Group = AllRule | AnyRule | AtLeastRule;
export type Rule = Group | Condition;

/**
 * The three groups, over children of a given schema: the recursive rule for
 * parsing and typing, unknown children for checking one node at a time (so a
 * refusal names the node it is about, not "invalid input" at the root).
 */
function groupSchemas<C extends z.ZodType>(child: C) {
  const children = z.array(child).min(1);
  return {
    all: z.strictObject({ all: children, name }),
    any: z.strictObject({ any: children, name }),
    atLeast: z
      .strictObject({ atLeast: z.number().int().min(0), of: children, name })
      // More than the children could never hold, and failed() could name nothing.
      .refine((g) => g.atLeast <= g.of.length, {
        message: fieldMessage('RULE_AT_LEAST_RANGE'),
        path: ['atLeast'],
      }),
  };
}

const nodeSchema: z.ZodType<Rule> = z.lazy(() => {
  const groups = groupSchemas(nodeSchema);
  return z.union([groups.all, groups.any, groups.atLeast, conditionSchema]);
});

const shallow = groupSchemas(z.unknown());

/** Which kind of node an unchecked value means to be, by its keys. */
function shallowSchemaFor(value: object): z.ZodType {
  if ('all' in value) return shallow.all;
  if ('any' in value) return shallow.any;
  if ('atLeast' in value || 'of' in value) return shallow.atLeast;
  return conditionSchema;
}

function childrenOf(value: object): unknown[] {
  const v = value as Record<string, unknown>;
  const list = 'all' in v ? v.all : 'any' in v ? v.any : v.of;
  return Array.isArray(list) ? list : [];
}

/**
 * Checks an unparsed tree node by node, with bounded recursion: a tree
 * deeper or larger than the limits is refused before the recursive schema
 * sees it, so a hostile body cannot exhaust the stack.
 */
function checkTree(input: unknown, ctx: z.RefinementCtx): void {
  let nodes = 0;
  let tooDeep = false;
  const visit = (value: unknown, path: (string | number)[], depth: number): void => {
    if (depth > MAX_RULE_DEPTH) {
      if (!tooDeep) ctx.addIssue({ code: 'custom', message: fieldMessage('RULE_TOO_DEEP'), path });
      tooDeep = true;
      return;
    }
    nodes += 1;
    if (nodes > MAX_RULE_NODES) return;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'object', input: value, path });
      return;
    }
    const checked = shallowSchemaFor(value).safeParse(value);
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({
        ...issue,
        path: [...path, ...(issue.path as (string | number)[])],
      } as z.core.$ZodRawIssue);
    }
    const key = 'all' in value ? 'all' : 'any' in value ? 'any' : 'of';
    const children = childrenOf(value);
    for (let i = 0; i < children.length && nodes <= MAX_RULE_NODES; i++) {
      visit(children[i], [...path, key, i], depth + 1);
    }
  };
  visit(input, [], 1);
  if (nodes > MAX_RULE_NODES)
    ctx.addIssue({ code: 'custom', message: fieldMessage('RULE_TOO_LARGE'), path: [] });
}

/** A rule as stored: checked node by node and within the limits, then parsed as the typed tree. */
export const ruleSchema: z.ZodType<Rule> = z.preprocess((input, ctx) => {
  checkTree(input, ctx);
  return input;
}, nodeSchema);

/** A named, versioned rule: what a module stores (a new version for every change, the old kept for what it decided). */
export const ruleSetSchema = z.strictObject({
  key: identifier,
  version: z.number().int().min(1).max(2_147_483_647),
  name: bilingualNameSchema,
  rule: ruleSchema,
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** What a fact is, so a condition on it can be put in words. */
export interface FactSpec {
  name: Bilingual;
  type: 'number' | 'string' | 'boolean' | 'list';
  unit?: Bilingual;
  /** Names of the codes a string or list fact takes (e.g. a title code → 正高级). */
  values?: Record<string, Bilingual>;
}

/** The facts a module offers its rules, by name. */
export type FactCatalogue = Readonly<Record<string, FactSpec>>;

export function isCondition(rule: Rule): rule is Condition {
  return 'op' in rule;
}

/** A group's children, or none for a condition. */
export function childRules(rule: Rule): Rule[] {
  if ('all' in rule) return rule.all;
  if ('any' in rule) return rule.any;
  if ('of' in rule) return rule.of;
  return [];
}

/** Every fact a rule names, each once, in the order they first appear. */
export function factsOf(rule: Rule): string[] {
  const seen = new Set<string>();
  const visit = (r: Rule): void => {
    if (isCondition(r)) seen.add(r.fact);
    else for (const child of childRules(r)) visit(child);
  };
  visit(rule);
  return [...seen];
}
