import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEETING_ACTIONS, REGISTRATION_ACTIONS } from '../src/modules/activities/constants.ts';
import { ACTIVITY_ACTION_NAMES } from '../src/modules/activities/machine.ts';
import { LIST_KIND_DEFS } from '../src/modules/lists/kinds.ts';
import { ACTION_NAMES as LIST_ACTION_NAMES } from '../src/modules/lists/machine.ts';
import { ORDER_ACTION_NAMES } from '../src/modules/orders/machine.ts';
import { KINDS as REGISTRY_KINDS } from '../src/modules/registry/kinds.ts';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES } from '../src/platform/audit/names.ts';

/** The server's source files (tests left out). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every `action: '…'` / `entity: '…'` written as a literal in an audit entry. */
function literals(field: 'action' | 'entity'): Set<string> {
  const found = new Set<string>();
  // An audit entry names its action, then its object type on the next line.
  const pattern =
    field === 'action'
      ? /\baction: '([a-z][A-Za-z]*(?:\.[a-zA-Z]+)+)'/g
      : /\baction: [^\n]*\n\s*entity: '([a-z][A-Za-z_]*)'/g;
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    // Only files that write audit rows: the same words serve order events and change feeds elsewhere.
    if (!/audit\.record(Many)?\(|itemAudit|AuditEntry/.test(text)) continue;
    for (const match of text.matchAll(pattern)) found.add(match[1]!);
  }
  return found;
}

/** The actions modules write from their workflow tables and kinds (`order.${action}` …). */
function composed(): string[] {
  const registry = Object.values(REGISTRY_KINDS).map((def) => def.entity);
  const lists = Object.values(LIST_KIND_DEFS).map((def) => def.entity);
  const registryVerbs = [
    'create',
    'update',
    'archive',
    'restore',
    'import.create',
    'import.update',
    'reveal',
    'export.reveal',
  ];
  const listVerbs = ['create', 'update', 'import.create', 'import.update', ...Object.keys(LIST_ACTION_NAMES)];
  return [
    ...registry.flatMap((entity) => registryVerbs.map((verb) => `${entity}.${verb}`)),
    ...lists.flatMap((entity) => listVerbs.map((verb) => `${entity}.${verb}`)),
    ...Object.keys(ORDER_ACTION_NAMES).map((action) => `order.${action}`),
    ...Object.keys(ACTIVITY_ACTION_NAMES).map((action) => `activity.${action}`),
    ...REGISTRATION_ACTIONS.map((action) => `activity.registration.${action}`),
    ...MEETING_ACTIONS.map((action) => `activity.meetings.${action}`),
  ];
}

describe('the audit log names every action and object type it is written', () => {
  it('finds the literal actions and object types (the scan works)', () => {
    const actions = literals('action');
    expect(actions).toContain('auth.login');
    expect(actions).toContain('role.permissions.set');
    expect(actions.size).toBeGreaterThan(30);
    expect([...literals('entity')]).toEqual(
      expect.arrayContaining(['session', 'import_job', 'dictionary_entry']),
    );
  });

  it('has a name for each action written as a literal or composed from a module’s table', () => {
    const missing = [...literals('action'), ...composed()].filter(
      (action) => !Object.hasOwn(AUDIT_ACTION_NAMES, action),
    );
    expect(missing).toEqual([]);
  });

  it('has a name for each object type', () => {
    const entities = [
      ...literals('entity'),
      ...Object.values(REGISTRY_KINDS).map((def) => def.entity),
      ...Object.values(LIST_KIND_DEFS).map((def) => def.entity),
    ];
    expect(entities.filter((entity) => !Object.hasOwn(AUDIT_ENTITY_NAMES, entity))).toEqual([]);
  });
});
