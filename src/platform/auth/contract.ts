import { z } from 'zod';
import { isCalendarDate } from '../../reference/china-time.ts';
import { isKnownRegion, regionFilterPrefix } from '../../reference/regions.ts';
import { ROLES } from '../access/permissions.ts';
import { fieldMessage } from '../i18n/field-messages.ts';

export const bilingual = z.object({ zh: z.string(), en: z.string() });

/** The version a record was read at, sent back for compare-and-set (a PostgreSQL integer). */
export const recordVersion = z.number().int().min(1).max(2_147_483_647);

/** A calendar day, YYYY-MM-DD, that exists (no 2026-02-30), in the years 1900–2199. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessage('DATE_INVALID'))
  .refine(isCalendarDate, fieldMessage('DATE_INVALID'));

/** 10+ characters with at least one letter and one digit. */
export const newPassword = z
  .string()
  .max(128)
  .refine((p) => p.length >= 10 && /[A-Za-z]/.test(p) && /\d/.test(p), fieldMessage('PASSWORD_TOO_WEAK'));

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, fieldMessage('USERNAME_INVALID'));

export const mobile = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+?86|0086)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, fieldMessage('MOBILE_INVALID')));

/** An e-mail address, folded to lower case. */
export const email = z.string().trim().toLowerCase().email(fieldMessage('EMAIL_INVALID')).max(128);

export const regionCode = z
  .string()
  .trim()
  .refine((code) => isKnownRegion(code), fieldMessage('REGION_CODE_INVALID'));

/**
 * A list's region filter: a province, city or county by its 6-digit code or short form ('3305' and
 * '330500' are the same city; see regionFilterPrefix and regionFilterCondition).
 */
export const regionFilter = z
  .string()
  .trim()
  .regex(/^(\d{2}|\d{4}|\d{6})$/, fieldMessage('REGION_CODE_INVALID'))
  .refine((code) => regionFilterPrefix(code) !== undefined, fieldMessage('REGION_CODE_INVALID'));

export const role = z.enum(ROLES);

export const loginRequest = z.strictObject({
  /** Username or mobile number. */
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const me = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role,
  roleName: bilingual,
  regionCode: z.string(),
  regionName: z.string(),
  organisationId: z.string().uuid().nullable(),
  organisationName: z.string().nullable(),
  mobile: z.string().nullable(),
  /** The account's own address, in full (messages are copied there when SMTP is configured). */
  email: z.string().nullable(),
  permissions: z.array(z.string()),
  assignableRoles: z.array(role),
});
export type Me = z.infer<typeof me>;

export const sessionResponse = z.object({ user: me, csrfToken: z.string() });

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword,
});

export const ok = z.object({ ok: z.literal(true) });

// ---- accounts administration ----

export const userView = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  /** Masked (138****5678). */
  mobile: z.string().nullable(),
  /** Masked (c***@example.cn). */
  email: z.string().nullable(),
  role,
  regionCode: z.string(),
  regionName: z.string(),
  organisationId: z.string().uuid().nullable(),
  organisationName: z.string().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof userView>;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const listUsersQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(64).optional(),
  role: role.optional(),
  regionCode: regionFilter.optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userPage = z.object({
  items: z.array(userView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const idParams = z.strictObject({ id: z.string().uuid() });

export const createUserRequest = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(64),
  mobile: mobile.optional(),
  email: email.optional(),
  role,
  regionCode,
  organisationId: z.string().uuid().optional(),
  password: newPassword,
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z.strictObject({
  version: recordVersion,
  displayName: z.string().trim().min(1).max(64).optional(),
  mobile: mobile.nullable().optional(),
  email: email.nullable().optional(),
  role: role.optional(),
  regionCode: regionCode.optional(),
  organisationId: z.string().uuid().nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const ownEmailRequest = z.strictObject({ email: email.nullable() });

export const resetPasswordRequest = z.strictObject({ newPassword });
