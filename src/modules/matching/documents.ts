import { OPEN_STATUSES, STATUS_NAMES } from '../lists/machine.ts';
import type { ListItemRow } from '../lists/schema.ts';
import type { DictionarySnapshot } from '../registry/dictionaries.ts';
import { regionName } from '../registry/regions.ts';
import type { EnterpriseRow, InstitutionRow, TalentRow } from '../registry/repository.ts';
import type { MatchDoc, MatchQuery } from './engine.ts';

/**
 * Records as the matching engine sees them. What is topical goes in the
 * title field (an item's title, an expert's research interests), code names
 * and keywords in keywords, the long text in text.
 */

const names = (dict: DictionarySnapshot, row: { disciplines: string[]; industries: string[] }) => [
  ...dict.named('discipline', row.disciplines).map((n) => n.name),
  ...dict.named('industry', row.industries).map((n) => n.name),
];

/** An expert, or undefined when the record is not one the engine suggests (archived, not an expert). */
export function expertDoc(row: TalentRow, dict: DictionarySnapshot): MatchDoc | undefined {
  if (!row.isExpert || row.archivedAt) return undefined;
  const title = row.title ? dict.name('title', row.title) : row.titleText;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    scopeRegion: row.scopeRegion,
    regionCode: row.regionCode,
    title: row.researchInterests ?? '',
    keywords: names(dict, row),
    text: row.representativeWork ?? '',
    disciplineTags: row.disciplineTags,
    industryTags: row.industryTags,
    institutionId: row.institutionId,
    summary: {
      subtitle: [row.employerName, title].filter(Boolean).join(' · ') || null,
      regionName: regionName(row.regionCode),
      tags: names(dict, row).slice(0, 6),
      status: null,
    },
  };
}

export function institutionDoc(row: InstitutionRow, dict: DictionarySnapshot): MatchDoc | undefined {
  if (row.archivedAt) return undefined;
  const disciplines = dict.named('discipline', row.disciplines).map((n) => n.name);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    scopeRegion: row.scopeRegion,
    regionCode: row.regionCode,
    title: disciplines.join('；'),
    keywords: [],
    text: `${row.name}。${row.description ?? ''}`,
    disciplineTags: row.disciplineTags,
    industryTags: [],
    summary: {
      subtitle: null,
      regionName: regionName(row.regionCode),
      tags: disciplines.slice(0, 6),
      status: null,
    },
  };
}

/** An open list item (published or in progress); others are not suggested. */
export function listDoc(row: ListItemRow, dict: DictionarySnapshot): MatchDoc | undefined {
  if (row.archivedAt || !OPEN_STATUSES.includes(row.status)) return undefined;
  const q = listQuery(row, dict);
  return {
    id: row.id,
    code: row.code,
    name: row.title,
    scopeRegion: row.scopeRegion,
    regionCode: row.regionCode,
    title: row.title,
    keywords: [...q.keywords, ...q.fieldNames],
    text: q.text,
    disciplineTags: row.disciplineTags,
    industryTags: row.industryTags,
    labels: row.fieldText ? [row.fieldText] : [],
    summary: {
      subtitle: row.ownerName,
      regionName: regionName(row.regionCode),
      tags: names(dict, row).slice(0, 6),
      status: STATUS_NAMES[row.status].zh,
    },
  };
}

/** A list item as a question (its suggestions): its own keywords apart from the names of its codes. */
export function listQuery(
  row: ListItemRow,
  dict: DictionarySnapshot,
): MatchQuery & { keywords: string[]; fieldNames: string[] } {
  return {
    title: row.title,
    text: [row.description, row.terms].filter(Boolean).join('。'),
    keywords: [...row.keywords],
    fieldNames: [...(row.fieldText ? [row.fieldText] : []), ...names(dict, row)],
    disciplineTags: row.disciplineTags,
    industryTags: row.industryTags,
    regionCode: row.regionCode,
    excludeId: row.id,
  };
}

/** An expert as a question (demands that fit them). */
export function expertQuery(row: TalentRow, dict: DictionarySnapshot): MatchQuery {
  return {
    title: row.researchInterests ?? '',
    text: row.representativeWork ?? '',
    fieldNames: names(dict, row),
    disciplineTags: row.disciplineTags,
    industryTags: row.industryTags,
    regionCode: row.regionCode,
  };
}

/**
 * An enterprise as a question (the experts who fit it, for a commissioner's
 * proposals): what it needs and its open demands first, then what it does
 * and its industries.
 */
export function enterpriseQuery(
  row: EnterpriseRow,
  dict: DictionarySnapshot,
  needs: readonly (string | null)[],
): MatchQuery {
  return {
    title: needs.filter(Boolean).join('。'),
    text: row.description ?? '',
    fieldNames: dict.named('industry', row.industries).map((n) => n.name),
    industryTags: row.industryTags,
    regionCode: row.regionCode,
  };
}
