import { listParams, param } from '../../app/listParams.ts';
import type { FilterName } from './config.ts';
import {
  HONOUR_LEVELS,
  INSTITUTION_KINDS,
  RECORD_SORTS,
  type RegistryFilters,
  type RegistryKind,
  STATION_KINDS,
  TITLE_LEVELS,
} from './types.ts';

/** The `kind` values a registry's list can filter by. */
export function kindValues(kind: RegistryKind): readonly string[] {
  if (kind === 'institutions') return INSTITUTION_KINDS;
  if (kind === 'stations') return STATION_KINDS;
  return [];
}

/** What a registry's list keeps in its URL (`expert` is only asked for by pickers, never by the list). */
export type RegistryUrlFilters = Omit<RegistryFilters, 'expert'>;

/** A registry list's URL parameters: the filters this registry offers; the others are never read. */
export function registryListParams(kind: RegistryKind, filters: readonly FilterName[]) {
  const offered = <T>(name: FilterName, reader: (value: string | null) => T | undefined) =>
    filters.includes(name) ? reader : param.none;
  return listParams<RegistryUrlFilters>(
    {
      q: param.text(64),
      regionCode: param.region,
      discipline: offered('discipline', param.code),
      industry: offered('industry', param.code),
      qualification: offered('qualification', param.code),
      title: offered('title', param.code),
      tag: offered('tag', param.text(32)),
      titleLevel: offered('titleLevel', param.oneOf(TITLE_LEVELS)),
      honourLevel: offered('honourLevel', param.oneOf(HONOUR_LEVELS)),
      kind: offered('kind', param.oneOf(kindValues(kind))),
      flagged: param.flag,
      archived: param.flag,
      sort: param.oneOf(RECORD_SORTS),
    },
    { sort: 'updatedAt' },
  );
}
