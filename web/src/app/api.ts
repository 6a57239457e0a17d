import type { z } from 'zod';
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

export function buildUrl(path: string, query?: object): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
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

interface Sending {
  query?: object;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (the browser sets the content type and boundary). */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** The `accept` header; downloads leave it out. */
  accept?: string;
}

/**
 * The one way the web calls the server: same-origin cookies, the CSRF header
 * on every non-GET request, an ApiError for a network failure or any non-2xx
 * answer, and a 401 from an ordinary call treated as an expired session.
 */
async function send(method: Method, path: string, sending: Sending): Promise<Response> {
  const headers: Record<string, string> = { ...sending.headers };
  if (sending.accept) headers.accept = sending.accept;
  if (sending.json !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE) ?? csrfFallback;
    if (token) headers['x-csrf-token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, sending.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: sending.form ?? (sending.json !== undefined ? JSON.stringify(sending.json) : undefined),
      signal: sending.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      code: 'NETWORK_ERROR',
      message: translate(currentLocale(), 'error.network'),
      status: 0,
    });
  }

  if (!response.ok) {
    const error = toApiError(response.status, await readJson(response));
    if (response.status === 401 && !SESSION_PROBES.has(path)) {
      if (unauthorizedHandler) unauthorizedHandler();
      else window.location.assign('/login');
    }
    throw error;
  }
  return response;
}

// ---------- routes typed by the server's contracts ----------

/**
 * What one route takes and answers, as the types of the zod schemas in the
 * server's contract.ts (`typeof orderView`, imported with `import type`): the
 * query and body as they are sent (z.input), the reply as it comes (z.output).
 */
export interface RouteContract {
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart upload (a FormData) instead of a JSON body. */
  form?: true;
  reply: z.ZodType;
}

/** A module's routes, keyed `METHOD /path/:param` as the server registers them. */
export type RouteMap = { [route: `${Method} /${string}`]: RouteContract };

type PathOf<R> = R extends `${Method} ${infer P}` ? P : never;
type ParamNames<P> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type ParamsOption<R> = [ParamNames<PathOf<R>>] extends [never]
  ? { params?: never }
  : { params: Record<ParamNames<PathOf<R>>, string> };
type QueryOption<C> = C extends { query: infer Q extends z.ZodType }
  ? object extends z.input<Q>
    ? { query?: z.input<Q> }
    : { query: z.input<Q> }
  : { query?: never };
type BodyOption<C> = C extends { body: infer B extends z.ZodType }
  ? { body: z.input<B> }
  : C extends { form: true }
    ? { form: FormData }
    : { body?: never };

/** What a call of route R passes: its path parameters, query, body (or form), and an abort signal or headers. */
export type CallOptions<R extends string, C> = ParamsOption<R> &
  QueryOption<C> &
  BodyOption<C> & {
    signal?: AbortSignal;
    /** Extra headers, e.g. an `Idempotency-Key`. */
    headers?: Record<string, string>;
  };

/** What a route answers, as its contract's response schema says. */
export type ReplyOf<C> = C extends { reply: infer Reply extends z.ZodType } ? z.output<Reply> : never;

/** The query a route's contract accepts (for list pages that keep it in the URL). */
export type QueryOf<C> = C extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;

/** The body a route's contract accepts. */
export type BodyOf<C> = C extends { body: infer B extends z.ZodType } ? z.input<B> : never;

/**
 * The caller of a module's routes: `call('GET /api/orders/:id', { params: { id } })`
 * answers the type of that route's response schema, and takes only what its
 * query and body schemas accept, so a contract the web does not follow fails the
 * web's typecheck.
 */
export function routes<M extends RouteMap>() {
  return async function call<R extends keyof M & string>(
    route: R,
    ...[options]: object extends CallOptions<R, M[R]>
      ? [options?: CallOptions<R, M[R]>]
      : [options: CallOptions<R, M[R]>]
  ): Promise<ReplyOf<M[R]>> {
    const space = route.indexOf(' ');
    const method = route.slice(0, space) as Method;
    const given = (options ?? {}) as {
      params?: Record<string, string>;
      query?: object;
      body?: unknown;
      form?: FormData;
      signal?: AbortSignal;
      headers?: Record<string, string>;
    };
    const path = route
      .slice(space + 1)
      .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(given.params?.[name] ?? ''));
    const response = await send(method, path, {
      query: given.query,
      json: given.body,
      form: given.form,
      headers: given.headers,
      signal: given.signal,
      accept: 'application/json',
    });
    return (await readJson(response)) as ReplyOf<M[R]>;
  };
}

// ---------- files ----------

/** The file name of a `content-disposition` header (the UTF-8 form preferred). */
function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

export interface Downloaded {
  fileName: string;
  /** From `x-row-count` when the server sends it (exports). */
  rowCount: number | null;
}

/** Hands a file the server answered to the browser as a download. */
async function save(response: Response, fallbackName: string): Promise<Downloaded> {
  const blob = await response.blob();
  const fileName = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  const count = response.headers.get('x-row-count');
  return { fileName, rowCount: count === null ? null : Number(count) };
}

/** GETs a file (an export, a template, an attachment) and hands it to the browser as a download. */
export async function downloadFile(
  path: string,
  query?: object,
  fallbackName = 'download',
): Promise<Downloaded> {
  return save(await send('GET', path, { query }), fallbackName);
}

/** POSTs a multipart form and hands the file it answers to the browser. */
export async function postForDownload(
  path: string,
  query: object,
  form: FormData,
  fallbackName = 'download',
): Promise<Downloaded> {
  return save(await send('POST', path, { query, form }), fallbackName);
}

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
