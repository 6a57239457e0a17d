import { readCookie } from './cookies.ts';
import { currentLocale, translate } from './i18n.tsx';

export const CSRF_COOKIE = 'caiqiao_csrf';

/** One field the server rejected; `path` is like `body.mobile`. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A non-2xx answer from the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldIssue[];
  readonly requestId: string | null;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    fields?: FieldIssue[];
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId ?? null;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /** Extra headers, e.g. an `Idempotency-Key`. */
  headers?: Record<string, string>;
}

/** Calls whose 401 means "wrong credentials" or "not signed in yet", not "session expired". */
const SESSION_PROBES = new Set(['/api/auth/login', '/api/auth/me']);

let unauthorizedHandler: (() => void) | null = null;
let csrfFallback: string | null = null;

/** Registers what to do when the session has expired (a 401 from an ordinary call). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Keeps the token from /api/auth/me or the login answer, used when the cookie cannot be read. */
export function rememberCsrfToken(token: string | null): void {
  csrfFallback = token;
}

export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

function toApiError(status: number, payload: unknown): ApiError {
  const requestId = isRecord(payload) && typeof payload.requestId === 'string' ? payload.requestId : null;
  const error = isRecord(payload) ? payload.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      code: error.code,
      message: error.message,
      status,
      fields: toFieldIssues(error.fields),
      requestId,
    });
  }
  return new ApiError({
    code: `HTTP_${status}`,
    message: translate(currentLocale(), 'error.http', { status }),
    status,
    requestId,
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Calls the API: same-origin cookies, JSON in and out, the CSRF header on every
 * non-GET request, and an ApiError for any non-2xx answer.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  const hasBody = options.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE) ?? csrfFallback;
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      code: 'NETWORK_ERROR',
      message: translate(currentLocale(), 'error.network'),
      status: 0,
    });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401 && !SESSION_PROBES.has(path)) {
      if (unauthorizedHandler) unauthorizedHandler();
      else window.location.assign('/login');
    }
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>(path, { method: 'POST', body, headers }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};

/**
 * A fresh `Idempotency-Key` (a v4 UUID): a retry sent with the same key gets the
 * first answer. crypto.randomUUID exists only in secure contexts (HTTPS or
 * localhost); an office intranet served over plain HTTP gets one from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return translate(currentLocale(), 'error.unknown');
}

/** Whether two sets of query parameters ask for the same thing (absent and undefined are alike). */
export function sameParams<T extends object>(a: T, b: T): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}
