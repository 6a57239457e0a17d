import { ApiError, api, buildUrl, CSRF_COOKIE, type QueryParams } from '../../app/api.ts';
import { readCookie } from '../../app/cookies.ts';
import { currentLocale, translate } from '../../app/i18n.tsx';
import { queryClient } from '../../app/queryClient.ts';
import { meKey, type SessionResponse } from '../../app/session.ts';

/**
 * File transfers the JSON wrapper in app/api.ts does not cover: multipart
 * uploads (the browser sets the multipart content type and boundary itself)
 * and downloads of spreadsheets. Errors come back as the same ApiError.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function errorOf(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = JSON.parse(await response.text()) as unknown;
  } catch {
    payload = null;
  }
  const error = isRecord(payload) ? payload.error : undefined;
  const requestId = isRecord(payload) && typeof payload.requestId === 'string' ? payload.requestId : null;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    const fields = Array.isArray(error.fields)
      ? error.fields.flatMap((item) =>
          isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
            ? [{ path: item.path, message: item.message }]
            : [],
        )
      : [];
    return new ApiError({
      code: error.code,
      message: error.message,
      status: response.status,
      fields,
      requestId,
    });
  }
  return new ApiError({
    code: `HTTP_${response.status}`,
    message: translate(currentLocale(), 'error.http', { status: response.status }),
    status: response.status,
    requestId,
  });
}

function networkError(cause: unknown): never {
  if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
  throw new ApiError({
    code: 'NETWORK_ERROR',
    message: translate(currentLocale(), 'error.network'),
    status: 0,
  });
}

/** A failed call: a 401 means the session expired, as in app/api.ts. */
async function fail(response: Response): Promise<never> {
  const error = await errorOf(response);
  if (response.status === 401) queryClient.setQueryData(meKey, null);
  throw error;
}

/** The CSRF token: the cookie, or (when it cannot be read) the one /api/auth/me hands out. */
async function csrfToken(): Promise<string | null> {
  const cookie = readCookie(CSRF_COOKIE);
  if (cookie) return cookie;
  try {
    return (await api.get<SessionResponse>('/api/auth/me')).csrfToken;
  } catch {
    return null;
  }
}

/** POSTs a multipart form with the CSRF header; answers the JSON body. */
export async function postMultipart<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = await csrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch (cause) {
    networkError(cause);
  }
  if (!response.ok) return fail(response);
  return (await response.json()) as T;
}

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

/** GETs a file and hands it to the browser as a download; server errors become ApiErrors. */
export async function downloadFile(
  path: string,
  query?: QueryParams,
  fallbackName = 'download',
): Promise<Downloaded> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch (cause) {
    networkError(cause);
  }
  return save(response, fallbackName);
}

/** POSTs a multipart form (with the CSRF header) and hands the file it answers to the browser. */
export async function postForDownload(
  path: string,
  query: QueryParams,
  form: FormData,
  fallbackName = 'download',
): Promise<Downloaded> {
  const headers: Record<string, string> = {};
  const token = await csrfToken();
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: form,
    });
  } catch (cause) {
    networkError(cause);
  }
  return save(response, fallbackName);
}

async function save(response: Response, fallbackName: string): Promise<Downloaded> {
  if (!response.ok) return fail(response);
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
