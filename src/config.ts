import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isCalendarDate } from './reference/china-time.ts';

/** Everything the process reads from its environment, parsed once at start. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./var'),
  DATABASE_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  FIELD_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'FIELD_ENCRYPTION_KEY must be 64 hex characters (32 bytes)')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
  DEMO_PASSWORD: z.string().min(8).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  /** Check every reply against its zod schema too (slower; the test suites turn it on). */
  CHECK_RESPONSES: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Lets a metrics collector on another host read /metrics with `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /**
   * Local days off on top of China's official schedule (weekends, 法定节假日 and 调休 come from
   * chinese-days; reference/workdays.ts): YYYY-MM-DD, comma-separated.
   */
  HOLIDAYS: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?(,\s*\d{4}-\d{2}-\d{2})*$/, 'YYYY-MM-DD,YYYY-MM-DD,…')
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    )
    .refine((days) => days.every(isCalendarDate), 'days that exist, YYYY-MM-DD'),
  /** Copy inbox messages by e-mail through this SMTP server, e.g. smtp://user:pass@mail.example.cn:587. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp://… or smtps://…')
    .optional(),
  MAIL_FROM: z.string().min(3).default('才桥平台 <noreply@caiqiao.local>'),
  /** The platform's address as users reach it, for links in e-mails. */
  PUBLIC_URL: z.string().url().optional(),
  /** Matching weights to change, as JSON, e.g. {"region": 0.2, "fields": {"title": 3}} (see matching/engine.ts). */
  MATCHING_WEIGHTS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return {};
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    }),
});

export interface Secrets {
  /** Keys session tokens' hashes; never leaves the server. */
  sessionSecret: string;
  /** 32-byte AES-GCM key for personal data at rest; also derives the lookup-hash key. */
  fieldKey: Buffer;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secrets: Secrets;
  session: { idleMinutes: number; absoluteHours: number };
  login: { maxFailures: number; lockMinutes: number; ipMaxFailures: number };
  bodyLimitBytes: number;
  /** How long a process may use its copy of grants and code lists (0: read every time). */
  cacheMs: number;
  /** Largest spreadsheet accepted for import. */
  importMaxBytes: number;
  demoPassword: string | undefined;
  logLevel: string;
  cookieSecure: 'true' | 'false' | 'auto';
  trustProxy: boolean;
  /** Bearer token for /metrics from other hosts; without it only this machine may read it. */
  metricsToken: string | undefined;
  /** Every reply also checked against its zod schema (the test suites; see platform/http/serializer.ts). */
  checkResponses: boolean;
  /** Built single-page app served at /; absent in API-only tests. */
  webDir: string | undefined;
  /** Days off besides weekends (YYYY-MM-DD), for order step deadlines. */
  holidays: string[];
  /** E-mail copies of inbox messages; null when SMTP_URL is not set. */
  mail: { url: string; from: string; publicUrl: string } | null;
  /** Overrides of the matching weights (parsed JSON, checked by the matching module at start). */
  matchingWeights: unknown;
}

export type Env = Record<string, string | undefined>;

/**
 * Parses the environment. Secrets not given in the environment are read from
 * DATA_DIR/secrets.json, which is created (mode 0600) on first start.
 */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const secrets = overrides.secrets ?? loadSecrets(dataDir, e.SESSION_SECRET, e.FIELD_ENCRYPTION_KEY);
  const webDist = resolve('web/dist');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    secrets,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      ipMaxFailures: e.LOGIN_IP_MAX_FAILURES,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    importMaxBytes: e.IMPORT_MAX_MB * 1024 * 1024,
    cacheMs: e.CACHE_SECONDS * 1000,
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    checkResponses: e.CHECK_RESPONSES === 'true',
    webDir: existsSync(join(webDist, 'index.html')) ? webDist : undefined,
    matchingWeights: e.MATCHING_WEIGHTS,
    mail: e.SMTP_URL
      ? { url: e.SMTP_URL, from: e.MAIL_FROM, publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}` }
      : null,
    holidays: e.HOLIDAYS,
    ...overrides,
  };
}

function loadSecrets(dataDir: string, sessionSecret?: string, fieldKeyHex?: string): Secrets {
  if (sessionSecret && fieldKeyHex) {
    return { sessionSecret, fieldKey: Buffer.from(fieldKeyHex, 'hex') };
  }
  const file = join(dataDir, 'secrets.json');
  let stored: { sessionSecret?: string; fieldKey?: string } = {};
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  }
  const next = {
    sessionSecret: stored.sessionSecret ?? randomBytes(32).toString('hex'),
    fieldKey: stored.fieldKey ?? randomBytes(32).toString('hex'),
  };
  if (next.sessionSecret !== stored.sessionSecret || next.fieldKey !== stored.fieldKey) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    sessionSecret: sessionSecret ?? next.sessionSecret,
    fieldKey: Buffer.from(fieldKeyHex ?? next.fieldKey, 'hex'),
  };
}

/** Secrets for tests: random, never written anywhere. */
export function ephemeralSecrets(): Secrets {
  return { sessionSecret: randomBytes(32).toString('hex'), fieldKey: randomBytes(32) };
}
