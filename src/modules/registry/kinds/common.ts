import type { FieldCipher } from '../../../platform/crypto/fields.ts';
import type { ExportRow } from '../../../platform/io/workbook.ts';
import type { DictionaryKind } from '../../../reference/dictionaries/index.ts';
import { maskMobile, normaliseMobile } from '../../../reference/mobile.ts';
import type { DictionarySnapshot } from '../dictionaries.ts';
import { regionName } from '../regions.ts';
import type { EnterpriseRow, InstitutionRow, RecordRow } from '../repository.ts';
import type { Flag } from '../schema.ts';

/** What the kinds read besides the record: the code lists and the keys of personal data. */
export interface KindContext {
  dict: DictionarySnapshot;
  cipher: FieldCipher;
}

export interface ViewContext extends KindContext {
  /** Show personal data unmasked (the caller holds personal.reveal and asked for it, audited). */
  reveal: boolean;
  expertCounts?: Map<string, number>;
}

/** The fields every record input has, stored in the columns of the same name. */
export const RECORD_FIELDS = ['code', 'name', 'regionCode', 'regionText'] as const;

/** The fields of an input that it sets (an edit leaves the others out), for the columns of the same name. */
export function given<I extends object, Key extends keyof I>(
  input: I,
  keys: readonly Key[],
): Partial<Pick<I, Key>> {
  const out: Partial<Pick<I, Key>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}

/** A code-list field and, in `tags`, the codes with their ancestors (for hierarchical filters). */
export function coded<Field extends string, Tags extends string>(
  ctx: KindContext,
  dictionary: DictionaryKind,
  codes: string[] | undefined,
  field: Field,
  tags: Tags,
): Partial<Record<Field | Tags, string[]>> {
  if (codes === undefined) return {};
  return { [field]: codes, [tags]: ctx.dict.withAncestors(dictionary, codes) } as Record<
    Field | Tags,
    string[]
  >;
}

/** A personal field as `<field>Enc` (ciphertext) and `<field>Hash` (lookup hash); an empty value as none. */
export function sealedField<Field extends string>(
  ctx: KindContext,
  field: Field,
  value: string | null | undefined,
  normalise: (s: string) => string,
): Partial<Record<`${Field}Enc` | `${Field}Hash`, string | null>> {
  if (value === undefined) return {};
  const n = value ? normalise(value) : null;
  return {
    [`${field}Enc`]: n === null ? null : ctx.cipher.encrypt(n),
    [`${field}Hash`]: n === null ? null : ctx.cipher.lookupHash(n),
  } as Record<`${Field}Enc` | `${Field}Hash`, string | null>;
}

/** A stored ciphertext opened, and masked unless revealed. */
export function opened(
  cipher: FieldCipher,
  enc: string | null,
  reveal: boolean,
  mask: (s: string) => string,
): string | null {
  if (!enc) return null;
  return reveal ? cipher.decrypt(enc) : cipher.masked(enc, mask);
}

/** The columns recordView reads. */
export const RECORD_VIEW_COLUMNS = [
  'id',
  'code',
  'name',
  'regionCode',
  'regionText',
  'flags',
  'createdAt',
  'updatedAt',
  'archivedAt',
  'version',
] as const;

/**
 * The part of a view every record has. A kind's view adds its fields with
 * Object.assign: V8 builds `{ ...recordView(row), twenty more }` one slow
 * property at a time (ten times the cost; a list page makes twenty).
 */
export function recordView(row: Pick<RecordRow, (typeof RECORD_VIEW_COLUMNS)[number]>) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    regionText: row.regionText,
    flags: row.flags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

/** A record's search text: lower case, at most 8,000 characters. */
export function words(...parts: (string | null | undefined | readonly string[])[]): string {
  return parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join(' ')
    .toLowerCase()
    .slice(0, 8000);
}

/** Where a record is, for its search text: the region's name, or the text as written. */
export function regionWords(row: { regionCode?: string | null; regionText?: string | null }) {
  return regionName(row.regionCode ?? null) ?? row.regionText;
}

/** Names for a multi-value cell, followed by any values kept as written (flagged), so an export re-imports the same. */
export function names(list: { name: string }[], flags?: Flag[], field?: string): string {
  const kept = flags?.filter((f) => f.field === field).map((f) => f.value) ?? [];
  return [...list.map((n) => n.name), ...kept].join('；');
}

export function flaggedValue(flags: Flag[], field: string): string {
  return flags.find((f) => f.field === field)?.value ?? '';
}

/** The 所在地区 cell of an export: the region's name, or the text as written. */
export function regionCell(row: RecordRow): string {
  return row.regionCode ? (regionName(row.regionCode) ?? '') : (row.regionText ?? '');
}

// ---------- the contact block of enterprises and institutions ----------

type ContactRow = EnterpriseRow | InstitutionRow;

/** 联系人, 邮箱, 地址, 简介 as entered; the mobile number is sealed (contactValues). */
const CONTACT_FIELDS = ['contactName', 'contactEmail', 'address', 'description'] as const;

/** The template columns of the contact block, parsed as text (联系人 … 简介). */
export const CONTACT_CELLS = [
  'contactName',
  'contactMobile',
  'contactEmail',
  'address',
  'description',
] as const;

/** The contact block of an input, as its columns. */
export function contactValues(
  input: {
    contactName?: string | null;
    contactMobile?: string | null;
    contactEmail?: string | null;
    address?: string | null;
    description?: string | null;
  },
  ctx: KindContext,
) {
  return {
    ...given(input, CONTACT_FIELDS),
    ...sealedField(ctx, 'contactMobile', input.contactMobile, normaliseMobile),
  };
}

export function contactView(row: ContactRow, ctx: ViewContext) {
  return {
    contactName: row.contactName,
    contactMobile: opened(ctx.cipher, row.contactMobileEnc, ctx.reveal, maskMobile),
    contactEmail: row.contactEmail,
    address: row.address,
    description: row.description,
    organisationId: row.organisationId,
  };
}

export function contactExport(row: ContactRow, ctx: ViewContext): ExportRow {
  return {
    contactName: row.contactName ?? '',
    contactMobile: opened(ctx.cipher, row.contactMobileEnc, ctx.reveal, maskMobile) ?? '',
    contactEmail: row.contactEmail ?? '',
    address: row.address ?? '',
    description: row.description ?? '',
  };
}
