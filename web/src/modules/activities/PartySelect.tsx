import {
  OUTCOME_PARTY_KINDS,
  OUTCOME_PARTY_NAMES,
  type OutcomePartyKind,
} from '@server/modules/activities/constants.ts';
import { Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { ChosenTag } from '../../app/ChosenTag.tsx';
import { type Translate, useT } from '../../app/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { useDebounced } from '../../app/useDebounced.ts';
import { useRegistryList } from '../registry/api.ts';
import { useRegistrations } from './api.ts';
import type { OutcomeView, RegistrationView } from './types.ts';

/** A party as the form knows it: enough to name it in the select and the list. */
export interface PartyOption {
  kind: OutcomePartyKind;
  id: string;
  name: string;
  code?: string;
  /** 地区, or the role it came to the activity in. */
  detail?: string;
}

/** What the select holds for a party: its kind and record id (institution:…, enterprise:…, talent:…). */
export const partyValue = (party: Pick<PartyOption, 'kind' | 'id'>) => `${party.kind}:${party.id}`;

/** A chosen value split back into the ids of each kind, as the outcome's request takes them. */
export function partyIds(values: readonly string[]) {
  const of = (kind: OutcomePartyKind) =>
    values.filter((v) => v.startsWith(`${kind}:`)).map((v) => v.slice(kind.length + 1));
  return { institutionIds: of('institution'), enterpriseIds: of('enterprise'), talentIds: of('talent') };
}

const PARTY_COLOURS: Record<OutcomePartyKind, string> = {
  institution: 'purple',
  enterprise: 'blue',
  talent: 'green',
};

export function partyKindLabel(t: Translate, kind: OutcomePartyKind): string {
  return t(OUTCOME_PARTY_NAMES[kind]);
}

/** 浙北理工学院（JG-001）: how a chosen party reads. */
function partyLabel(party: PartyOption): string {
  return party.code ? `${party.name}（${party.code}）` : party.name;
}

/** An outcome's parties as coloured tags, institutions first (the order the server gives). */
export function PartyTags({ parties }: { parties: OutcomeView['parties'] }) {
  return (
    <Space size={[4, 4]} wrap>
      {parties.map((party) => (
        <Tag
          key={partyValue(party)}
          color={PARTY_COLOURS[party.kind]}
          title={party.code}
          style={{ marginInlineEnd: 0 }}
          data-testid="outcome-party"
        >
          {party.name}
        </Tag>
      ))}
    </Space>
  );
}

/** The registry records behind the activity's confirmed registrations, as parties. */
function participantParties(registrations: readonly RegistrationView[]): PartyOption[] {
  const out: PartyOption[] = [];
  for (const r of registrations) {
    const organisation = r.organisationName ?? r.name;
    if (r.institutionId) out.push({ kind: 'institution', id: r.institutionId, name: organisation });
    if (r.enterpriseId) out.push({ kind: 'enterprise', id: r.enterpriseId, name: organisation });
    if (r.talentId) {
      out.push({
        kind: 'talent',
        id: r.talentId,
        name: r.name,
        ...(r.talentCode ? { code: r.talentCode } : {}),
      });
    }
  }
  return [...new Map(out.map((p) => [partyValue(p), p])).values()];
}

interface Props {
  activityId: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  'data-testid'?: string;
}

/**
 * An outcome's parties, several of them: before one types, the institutions,
 * enterprises and experts registered for the activity; typing searches the
 * registry's institutions, enterprises and experts by name or code (in the
 * caller's region).
 */
export function PartySelect({ activityId, value = [], onChange, id, 'data-testid': testId }: Props) {
  const t = useT();
  const canSearch = useCan('registry.read');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim());
  const people = useRegistrations(activityId, { page: 1, pageSize: 100, status: 'confirmed' });
  const search = { page: 1, pageSize: 10, sort: 'name' as const, q: q || undefined };
  const institutions = useRegistryList('institutions', search);
  const enterprises = useRegistryList('enterprises', search);
  const experts = useRegistryList('talents', { ...search, expert: 'true' });
  const participants = useMemo(() => participantParties(people.data?.items ?? []), [people.data]);
  const found = useMemo((): PartyOption[] => {
    if (!q || !canSearch) return [];
    const region = (r: { regionName?: string | null }) => (r.regionName ? { detail: r.regionName } : {});
    return [
      ...(institutions.data?.items ?? [])
        .filter((r) => !r.archived)
        .map((r) => ({ kind: 'institution' as const, id: r.id, name: r.name, code: r.code, ...region(r) })),
      ...(enterprises.data?.items ?? [])
        .filter((r) => !r.archived)
        .map((r) => ({ kind: 'enterprise' as const, id: r.id, name: r.name, code: r.code, ...region(r) })),
      ...(experts.data?.items ?? [])
        .filter((r) => r.isExpert && !r.archived)
        .map((r) => ({
          kind: 'talent' as const,
          id: r.id,
          name: r.name,
          code: r.code,
          ...(r.employerName ? { detail: r.employerName } : {}),
        })),
    ];
  }, [q, canSearch, institutions.data, enterprises.data, experts.data]);

  // The chosen parties are named from what was seen (a new search may no longer find them).
  const [known, setKnown] = useState<ReadonlyMap<string, PartyOption>>(new Map());
  useEffect(() => {
    const seen = [...participants, ...found];
    setKnown((before) => {
      const fresh = seen.filter((p) => !before.has(partyValue(p)));
      return fresh.length === 0
        ? before
        : new Map([...before, ...fresh.map((p) => [partyValue(p), p] as const)]);
    });
  }, [participants, found]);

  // Without the registry's search, typing narrows the activity's own parties.
  const shown = !q
    ? participants
    : canSearch
      ? found
      : participants.filter((p) => `${p.name}${p.code ?? ''}`.includes(q));
  const groups = OUTCOME_PARTY_KINDS.map((kind) => ({
    label: partyKindLabel(t, kind),
    title: kind,
    options: shown
      .filter((p) => p.kind === kind)
      .map((party) => ({ value: partyValue(party), label: partyLabel(party), party })),
  })).filter((g) => g.options.length > 0);
  const labelOf = (chosen: unknown) => {
    const party = known.get(String(chosen));
    return party ? partyLabel(party) : String(chosen);
  };
  const loading =
    people.isFetching || (!!q && (institutions.isFetching || enterprises.isFetching || experts.isFetching));
  const failed = [institutions, enterprises, experts].find((r) => r.isError);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(next) => onChange?.(next)}
      tagRender={({ value: chosen, closable, onClose }) => {
        const party = known.get(String(chosen));
        return (
          <ChosenTag
            color={party ? PARTY_COLOURS[party.kind] : undefined}
            closable={closable}
            onClose={onClose}
            testId="outcome-party-tag"
          >
            {labelOf(chosen)}
          </ChosenTag>
        );
      }}
      showSearch
      filterOption={false}
      onSearch={setInput}
      onOpenChange={(open) => {
        if (!open) setInput('');
      }}
      allowClear
      loading={loading}
      options={groups}
      placeholder={t(
        canSearch ? 'activities.outcomePartiesPlaceholder' : 'activities.outcomePartiesFromList',
      )}
      notFoundContent={
        failed?.error
          ? errorMessage(failed.error)
          : t(q ? 'activities.outcomePartiesNone' : 'activities.outcomePartiesNoParticipants')
      }
      optionRender={(option) => {
        const party = (option.data as { party?: PartyOption }).party;
        if (!party) return option.label;
        return (
          <Space size={6} wrap data-testid="party-option">
            <Typography.Text strong>{party.name}</Typography.Text>
            {party.code && <Tag style={{ marginInlineEnd: 0 }}>{party.code}</Tag>}
            {party.detail && <Typography.Text type="secondary">{party.detail}</Typography.Text>}
          </Space>
        );
      }}
      data-testid={testId}
    />
  );
}
