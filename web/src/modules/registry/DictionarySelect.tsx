import { Select, TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { errorMessage } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { useDictionary } from './api.ts';
import type { DictionaryEntry, DictionaryKind, Named } from './types.ts';

/** Code lists with a hierarchy worth showing as a tree. */
const TREE_KINDS: ReadonlySet<DictionaryKind> = new Set(['industry', 'emerging', 'discipline']);

export interface DictionaryTreeNode {
  value: string;
  title: string;
  /** Name, code and aliases, for searching. */
  search: string;
  children?: DictionaryTreeNode[];
}

function searchText(entry: Pick<DictionaryEntry, 'code' | 'name' | 'aliases'>): string {
  return [entry.name, entry.code, ...entry.aliases].join(' ');
}

/** Entries under their parents (by parentCode), in the list's order; orphans become roots. */
export function dictionaryTree(entries: readonly DictionaryEntry[]): DictionaryTreeNode[] {
  const nodes = new Map<string, DictionaryTreeNode>();
  for (const entry of entries) {
    nodes.set(entry.code, { value: entry.code, title: entry.name, search: searchText(entry) });
  }
  const roots: DictionaryTreeNode[] = [];
  for (const entry of entries) {
    const node = nodes.get(entry.code)!;
    const parent = entry.parentCode ? nodes.get(entry.parentCode) : undefined;
    if (parent && parent !== node) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  return roots;
}

type Value = string | string[] | null;

interface DictionarySelectProps {
  kind: DictionaryKind;
  value?: Value;
  onChange?: (value: Value) => void;
  multiple?: boolean;
  /** Values the record already has, shown by name even when the list no longer offers them. */
  current?: readonly Named[];
  placeholder?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
}

/** Picks one or more codes of a code list, searchable by name, code or alias; a tree where the list has one. */
export function DictionarySelect({
  kind,
  value,
  onChange,
  multiple = false,
  current = [],
  placeholder,
  allowClear = true,
  ...rest
}: DictionarySelectProps) {
  const t = useT();
  const dictionary = useDictionary(kind);
  const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
  // Inactive entries stay out of the choice, unless already chosen.
  const entries = (dictionary.data ?? []).filter((entry) => entry.active || selected.has(entry.code));
  const known = new Set(entries.map((entry) => entry.code));
  const missing = current
    .filter((named) => selected.has(named.code) && !known.has(named.code))
    .map((named) => ({ value: named.code, title: named.name, search: `${named.name} ${named.code}` }));
  const common = {
    ...rest,
    allowClear,
    showSearch: true,
    placeholder: placeholder ?? t('registry.dictionaryPlaceholder'),
    loading: dictionary.isPending,
    notFoundContent: dictionary.isError ? errorMessage(dictionary.error) : undefined,
  };
  const change = (next: string | string[] | undefined) =>
    onChange?.(next === undefined ? (multiple ? [] : null) : next);

  if (TREE_KINDS.has(kind)) {
    return (
      <TreeSelect<string | string[]>
        {...common}
        value={value ?? undefined}
        onChange={change}
        multiple={multiple}
        treeData={[...missing, ...dictionaryTree(entries)]}
        treeNodeFilterProp="search"
        maxTagCount="responsive"
        popupMatchSelectWidth={false}
        listHeight={320}
      />
    );
  }
  return (
    <Select<string | string[]>
      {...common}
      value={value ?? undefined}
      onChange={change}
      mode={multiple ? 'multiple' : undefined}
      options={[
        ...missing.map((option) => ({ value: option.value, label: option.title, search: option.search })),
        ...entries.map((entry) => ({ value: entry.code, label: entry.name, search: searchText(entry) })),
      ]}
      optionFilterProp="search"
      maxTagCount="responsive"
    />
  );
}
