import { z } from 'zod';
import {
  bilingual,
  email,
  mobile,
  pageQuery,
  recordVersion,
  regionCode,
  regionFilter,
} from '../../platform/auth/contract.ts';
import { fieldMessage } from '../../platform/i18n/field-messages.ts';
import { isValidCreditCode, normaliseCreditCode } from '../../reference/creditcode.ts';
import { isValidIdNumber, normaliseIdNumber } from '../../reference/idcard.ts';
import {
  ENTERPRISE_SIZES,
  INSTITUTION_KINDS,
  RECORD_SORTS,
  REGISTRY_KINDS,
  STATION_KINDS,
} from './constants.ts';

export {
  ENTERPRISE_SIZES,
  INSTITUTION_KINDS,
  REGISTRY_KINDS,
  type RegistryKind,
  STATION_KINDS,
} from './constants.ts';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const codes = z.array(z.string().trim().min(1).max(16)).max(30).default([]);

export const recordCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\s\p{Cc}]+$/u, fieldMessage('RECORD_CODE_INVALID'));

export const idNumber = z
  .string()
  .transform(normaliseIdNumber)
  .refine((s) => isValidIdNumber(s), fieldMessage('ID_NUMBER_INVALID'));

export const creditCode = z
  .string()
  .transform(normaliseCreditCode)
  .refine((s) => isValidCreditCode(s), fieldMessage('CREDIT_CODE_INVALID'));

/** Fields every registry record has. Region: a GB/T 2260 code, or the text as written when unknown. */
const recordFields = {
  code: recordCode,
  name: text(128).min(1),
  regionCode: regionCode.nullable().optional(),
  regionText: optionalText(64),
};

export const talentInput = z.strictObject({
  ...recordFields,
  gender: z.enum(['male', 'female']).nullable().optional(),
  birthYear: z.number().int().min(1900).max(2030).nullable().optional(),
  education: optionalText(16),
  educationText: optionalText(32),
  title: optionalText(16),
  titleText: optionalText(64),
  employerName: optionalText(128),
  institutionId: z.string().uuid().nullable().optional(),
  enterpriseId: z.string().uuid().nullable().optional(),
  disciplines: codes,
  industries: codes,
  researchInterests: optionalText(2000),
  representativeWork: optionalText(4000),
  honours: codes,
  tags: z.array(text(32).min(1)).max(30).default([]),
  isExpert: z.boolean().default(true),
  mobile: mobile.nullable().optional(),
  email: email.nullable().optional(),
  idNumber: idNumber.nullable().optional(),
});
export type TalentInput = z.infer<typeof talentInput>;

export const enterpriseInput = z.strictObject({
  ...recordFields,
  creditCode: creditCode.nullable().optional(),
  industries: codes,
  cluster: optionalText(64),
  size: z.enum(ENTERPRISE_SIZES).nullable().optional(),
  qualifications: codes,
  contactName: optionalText(64),
  contactMobile: mobile.nullable().optional(),
  contactEmail: email.nullable().optional(),
  address: optionalText(256),
  description: optionalText(4000),
});
export type EnterpriseInput = z.infer<typeof enterpriseInput>;

export const institutionInput = z.strictObject({
  ...recordFields,
  kind: z.enum(INSTITUTION_KINDS).default('university'),
  disciplines: codes,
  contactName: optionalText(64),
  contactMobile: mobile.nullable().optional(),
  contactEmail: email.nullable().optional(),
  address: optionalText(256),
  description: optionalText(4000),
});
export type InstitutionInput = z.infer<typeof institutionInput>;

export const stationInput = z.strictObject({
  ...recordFields,
  kind: z.enum(STATION_KINDS).default('station'),
  hostName: optionalText(128),
  liaisonName: optionalText(64),
  liaisonMobile: mobile.nullable().optional(),
  address: optionalText(256),
  description: optionalText(4000),
});
export type StationInput = z.infer<typeof stationInput>;

export const INPUTS = {
  talents: talentInput,
  enterprises: enterpriseInput,
  institutions: institutionInput,
  stations: stationInput,
} as const;

/** The schema of an edit of `Input` (updateOf): each field optional and without its default, and the version. */
export type UpdateOf<Input extends z.ZodObject> = z.ZodObject<
  {
    [K in keyof Input['shape']]: z.ZodOptional<
      Input['shape'][K] extends z.ZodDefault<infer Inner> ? Inner : Input['shape'][K]
    >;
  } & { version: typeof recordVersion },
  z.core.$strict
>;

/**
 * An edit: any subset of the fields, with the version that was read. Defaults
 * are dropped (zod's `.partial()` would still fill them in and so reset every
 * field that an edit leaves out).
 */
export function updateOf<Input extends z.ZodObject>(input: Input): UpdateOf<Input>;
export function updateOf(input: z.ZodObject) {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([key, field]) => {
      const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, bare.optional()];
    }),
  );
  return z.strictObject({ ...shape, version: recordVersion });
}

/** A value kept as written (unknown to the code lists, an ambiguous region…) for an operator to fix. */
export const flag = z.object({ field: z.string(), value: z.string(), reason: z.string() });
export type RecordFlag = z.infer<typeof flag>;
/** A code list entry as a view carries it. */
export const named = z.object({ code: z.string(), name: z.string() });
export type Named = z.infer<typeof named>;

const recordView = {
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  regionText: z.string().nullable(),
  flags: z.array(flag),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean(),
  version: z.number().int(),
};

/** The account an expert's record is linked to (who receives orders, meetings and messages for it). */
export const talentAccount = z.object({
  account: z
    .object({ id: z.string().uuid(), username: z.string(), displayName: z.string(), role: z.string() })
    .nullable(),
});

export const talentAccountRequest = z.strictObject({
  /** The account's username; null unlinks. */
  username: z.string().trim().min(1).max(64).nullable(),
});

export const talentView = z.object({
  ...recordView,
  gender: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  education: named.nullable(),
  educationText: z.string().nullable(),
  title: named.nullable(),
  titleText: z.string().nullable(),
  titleLevel: z.string().nullable(),
  employerName: z.string().nullable(),
  institutionId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  disciplines: z.array(named),
  industries: z.array(named),
  researchInterests: z.string().nullable(),
  representativeWork: z.string().nullable(),
  honours: z.array(named),
  honourLevel: z.string().nullable(),
  tags: z.array(z.string()),
  isExpert: z.boolean(),
  /** Masked unless revealed. */
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  idNumber: z.string().nullable(),
});

/**
 * A talent as the list shows it (and the pickers that search the list): the
 * record without the long texts and the fields no list shows (birth year,
 * email, ID number, honours, industries, research, works). A list page of
 * twenty talents carried all of them, half its bytes and CPU (#17); the
 * record's page and its edit read the whole view.
 */
export const talentListItem = talentView.pick({
  id: true,
  code: true,
  name: true,
  regionCode: true,
  regionName: true,
  regionText: true,
  flags: true,
  createdAt: true,
  updatedAt: true,
  archived: true,
  version: true,
  gender: true,
  education: true,
  educationText: true,
  title: true,
  titleText: true,
  titleLevel: true,
  employerName: true,
  institutionId: true,
  disciplines: true,
  honourLevel: true,
  tags: true,
  isExpert: true,
  mobile: true,
});

export const enterpriseView = z.object({
  ...recordView,
  creditCode: z.string().nullable(),
  industries: z.array(named),
  cluster: z.string().nullable(),
  size: z.string().nullable(),
  qualifications: z.array(named),
  contactName: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactEmail: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  organisationId: z.string().nullable(),
});

export const institutionView = z.object({
  ...recordView,
  kind: z.string(),
  disciplines: z.array(named),
  contactName: z.string().nullable(),
  contactMobile: z.string().nullable(),
  contactEmail: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  organisationId: z.string().nullable(),
  expertCount: z.number().int().optional(),
});

export const stationView = z.object({
  ...recordView,
  kind: z.string(),
  hostName: z.string().nullable(),
  liaisonName: z.string().nullable(),
  liaisonMobile: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
});

export const VIEWS = {
  talents: talentView,
  enterprises: enterpriseView,
  institutions: institutionView,
  stations: stationView,
} as const;
/** What a list page carries per record: the whole view, or for talents the list's fields alone. */
export const LIST_ITEMS = {
  talents: talentListItem,
  enterprises: enterpriseView,
  institutions: institutionView,
  stations: stationView,
} as const;
export type TalentView = z.infer<typeof talentView>;
export type TalentListItem = z.infer<typeof talentListItem>;
export type EnterpriseView = z.infer<typeof enterpriseView>;
export type InstitutionView = z.infer<typeof institutionView>;
export type StationView = z.infer<typeof stationView>;

/** A page of a registry list; counting stops at 10,000 (`totalCapped`). */
export function recordPage<View extends z.ZodType>(view: View) {
  return z.object({
    items: z.array(view),
    total: z.number().int(),
    /** True when there are more matches than `total` (counting stops at 10,000). */
    totalCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/**
 * An edit of the caller's own profile: the version and the fields, which depend on the caller's kind of
 * profile, so the route checks them against that kind's edit (updateOf) rather than by this schema.
 */
export const profileUpdateRequest = z.object({ version: recordVersion }).catchall(z.unknown());

/** The signed-in expert's own record, or the signed-in enterprise's (unmasked: it is their own). */
export const profileView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('talents'), record: talentView }),
  z.object({ kind: z.literal('enterprises'), record: enterpriseView }),
]);

export const listQuery = z.strictObject({
  ...pageQuery,
  /** Name, code or any word of the record (substring). */
  q: z.string().trim().max(64).optional(),
  /** A province, city or county: '3305' or '330500' (regionFilter). */
  regionCode: regionFilter.optional(),
  industry: z.string().max(16).optional(),
  discipline: z.string().max(16).optional(),
  title: z.string().max(16).optional(),
  titleLevel: z.string().max(8).optional(),
  honourLevel: z.string().max(8).optional(),
  tag: z.string().max(32).optional(),
  kind: z.string().max(16).optional(),
  qualification: z.string().max(16).optional(),
  /** Only records with flagged values. */
  flagged: z.enum(['true', 'false']).optional(),
  /** Talents: only those who serve as experts (专家库). */
  expert: z.enum(['true', 'false']).optional(),
  archived: z.enum(['true', 'false']).optional(),
  sort: z.enum(RECORD_SORTS).default('updatedAt'),
});
export type ListQuery = z.infer<typeof listQuery>;

export const exportQuery = listQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  /** Unmasked personal data: needs personal.reveal and is audited. */
  reveal: z.enum(['true', 'false']).optional(),
});

export const kindParams = z.strictObject({ kind: z.enum(REGISTRY_KINDS) });
export const kindIdParams = z.strictObject({ kind: z.enum(REGISTRY_KINDS), id: z.string().uuid() });

/** 归档 / 恢复 a record as read at `version`. */
export const archiveRequest = z.strictObject({ version: recordVersion, archived: z.boolean() });

export const revealResponse = z.object({
  mobile: z.string().nullable(),
  idNumber: z.string().nullable(),
});

export const dictionaryEntryView = z.object({
  kind: z.string(),
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.string().nullable(),
  aliases: z.array(z.string()),
  builtIn: z.boolean(),
  active: z.boolean(),
});
export const dictionaryKinds = z.object({
  items: z.array(z.object({ kind: z.string(), name: bilingual, count: z.number().int() })),
});
export const dictionaryEntries = z.object({ items: z.array(dictionaryEntryView) });
export const dictionaryEntryInput = z.strictObject({
  code: z.string().trim().min(1).max(16),
  name: z.string().trim().min(1).max(64),
  parentCode: z.string().trim().max(16).nullable().optional(),
  level: z.string().trim().max(16).nullable().optional(),
  aliases: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
  active: z.boolean().default(true),
});
export type DictionaryEntryInput = z.infer<typeof dictionaryEntryInput>;
/** PUT /api/dictionaries/:kind/:code: the entry without its code (the path names it). */
export const dictionaryEntryBody = dictionaryEntryInput.omit({ code: true });
