/**
 * The registry API's shapes, as src/modules/registry/contract.ts and
 * src/platform/io/routes.ts define them.
 */

export const REGISTRY_KINDS = ['talents', 'enterprises', 'institutions', 'stations'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

export const DICTIONARY_KINDS = [
  'industry',
  'emerging',
  'discipline',
  'title',
  'honour',
  'qualification',
  'education',
  'cluster',
] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

export function isDictionaryKind(value: string | null | undefined): value is DictionaryKind {
  return (DICTIONARY_KINDS as readonly string[]).includes(value ?? '');
}

/** A dictionary value as a view carries it. */
export interface Named {
  code: string;
  name: string;
}

/** A value kept as written (unknown to the dictionaries, an ambiguous region…) for an operator to fix. */
export interface RecordFlag {
  field: string;
  value: string;
  reason: string;
}

/** What every registry record has. */
export interface RecordView {
  id: string;
  code: string;
  name: string;
  regionCode: string | null;
  /** Null when the region is unknown; regionText then holds what was written. */
  regionName: string | null;
  regionText: string | null;
  flags: RecordFlag[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  version: number;
}

export interface TalentView extends RecordView {
  gender: string | null;
  birthYear: number | null;
  education: Named | null;
  educationText: string | null;
  title: Named | null;
  titleText: string | null;
  titleLevel: string | null;
  employerName: string | null;
  institutionId: string | null;
  enterpriseId: string | null;
  disciplines: Named[];
  industries: Named[];
  researchInterests: string | null;
  representativeWork: string | null;
  honours: Named[];
  honourLevel: string | null;
  tags: string[];
  isExpert: boolean;
  /** Masked unless revealed. */
  mobile: string | null;
  email: string | null;
  /** Masked unless revealed. */
  idNumber: string | null;
}

export interface EnterpriseView extends RecordView {
  creditCode: string | null;
  industries: Named[];
  cluster: string | null;
  size: string | null;
  qualifications: Named[];
  contactName: string | null;
  /** Masked unless revealed. */
  contactMobile: string | null;
  contactEmail: string | null;
  address: string | null;
  description: string | null;
  organisationId: string | null;
}

export interface InstitutionView extends RecordView {
  kind: string;
  disciplines: Named[];
  contactName: string | null;
  /** Masked unless revealed. */
  contactMobile: string | null;
  contactEmail: string | null;
  address: string | null;
  description: string | null;
  organisationId: string | null;
  /** Experts (not archived) working there. */
  expertCount?: number;
}

export interface StationView extends RecordView {
  kind: string;
  hostName: string | null;
  liaisonName: string | null;
  /** Masked unless revealed. */
  liaisonMobile: string | null;
  address: string | null;
  description: string | null;
}

export interface RegistryViews {
  talents: TalentView;
  enterprises: EnterpriseView;
  institutions: InstitutionView;
  stations: StationView;
}

/** Body fields every kind accepts (dictionary fields as codes, regionCode a 6-digit code). */
export interface RecordInput {
  code: string;
  name: string;
  regionCode?: string | null;
  regionText?: string | null;
}

export interface TalentInput extends RecordInput {
  gender?: 'male' | 'female' | null;
  birthYear?: number | null;
  education?: string | null;
  educationText?: string | null;
  title?: string | null;
  titleText?: string | null;
  employerName?: string | null;
  disciplines?: string[];
  industries?: string[];
  researchInterests?: string | null;
  representativeWork?: string | null;
  honours?: string[];
  tags?: string[];
  isExpert?: boolean;
  mobile?: string | null;
  email?: string | null;
  idNumber?: string | null;
}

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export interface EnterpriseInput extends RecordInput {
  creditCode?: string | null;
  industries?: string[];
  cluster?: string | null;
  size?: EnterpriseSize | null;
  qualifications?: string[];
  contactName?: string | null;
  contactMobile?: string | null;
  contactEmail?: string | null;
  address?: string | null;
  description?: string | null;
}

export const INSTITUTION_KINDS = ['university', 'institute', 'society', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export interface InstitutionInput extends RecordInput {
  kind?: InstitutionKind;
  disciplines?: string[];
  contactName?: string | null;
  contactMobile?: string | null;
  contactEmail?: string | null;
  address?: string | null;
  description?: string | null;
}

export const STATION_KINDS = ['station', 'workstation'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export interface StationInput extends RecordInput {
  kind?: StationKind;
  hostName?: string | null;
  liaisonName?: string | null;
  liaisonMobile?: string | null;
  address?: string | null;
  description?: string | null;
}

export interface RegistryInputs {
  talents: TalentInput;
  enterprises: EnterpriseInput;
  institutions: InstitutionInput;
  stations: StationInput;
}

export const TITLE_LEVELS = ['正高级', '副高级', '中级', '初级'] as const;
export const HONOUR_LEVELS = ['院士', '国家级', '省级', '市级'] as const;
export const SORTS = ['updatedAt', 'name', 'code'] as const;
export type RegistrySort = (typeof SORTS)[number];

/** The list filters (all optional, as the server reads them). */
export interface RegistryFilters {
  q?: string;
  /** A province, city or county code: matches that region and everything below it. */
  regionCode?: string;
  industry?: string;
  discipline?: string;
  title?: string;
  titleLevel?: string;
  honourLevel?: string;
  qualification?: string;
  kind?: string;
  tag?: string;
  flagged?: 'true';
  /** Talents: only those who serve as experts. */
  expert?: 'true';
  archived?: 'true';
  sort?: RegistrySort;
}

export interface RegistryListParams extends RegistryFilters {
  page: number;
  pageSize: number;
}

export interface RevealResult {
  mobile: string | null;
  idNumber: string | null;
}

/** The signed-in expert's own record, or the signed-in enterprise's (unmasked: it is their own). */
export type ProfileResponse =
  | { kind: 'talents'; record: TalentView }
  | { kind: 'enterprises'; record: EnterpriseView };

// ---------- dictionaries ----------

export interface DictionaryKindItem {
  kind: DictionaryKind;
  name: { zh: string; en: string };
  count: number;
}

export interface DictionaryEntry {
  kind: string;
  code: string;
  name: string;
  parentCode: string | null;
  level: string | null;
  aliases: string[];
  builtIn: boolean;
  active: boolean;
}

export interface DictionaryEntryBody {
  name: string;
  parentCode?: string | null;
  level?: string | null;
  aliases: string[];
  active: boolean;
}

// ---------- imports ----------

export interface ImportIssue {
  /** The column's header as the template names it. */
  column: string;
  value?: string;
  message: string;
}

export interface ImportReportRow {
  rowNumber: number;
  code: string | null;
  status: 'rejected' | 'flagged';
  errors: ImportIssue[];
  flags: ImportIssue[];
}

/** previewed → committing → committed | failed */
export type ImportStatus = 'previewed' | 'committing' | 'committed' | 'failed';

export interface ImportJob {
  id: string;
  kind: string;
  fileName: string;
  status: ImportStatus | string;
  total: number;
  valid: number;
  flagged: number;
  rejected: number;
  toCreate: number;
  toUpdate: number;
  processed: number;
  created: number;
  updated: number;
  ignoredHeaders: string[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** The rows with issues (the first 5000); reportTotal counts them all. */
  report: ImportReportRow[];
  reportTotal: number;
}
