/**
 * A list page's parameters, kept in its URL: page, page size and the filters
 * the page names. Each module configures one reader/writer with its filter
 * fields (`listParams({ q: param.text(64), status: param.oneOf(STATUSES) })`).
 */

/** The page sizes a list offers; the server accepts up to 100. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** Paging, as every list's parameters have it. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** One URL parameter read as the server accepts it; undefined (left out) when it is not. */
export type ParamReader<T> = (value: string | null) => T | undefined;

function positive(value: string | null): number | undefined {
  if (value === null || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** The readers a list's filter fields are made of. */
export const param = {
  /** Free text (a search, a tag), trimmed and cut to `max` characters. */
  text:
    (max: number): ParamReader<string> =>
    (value) =>
      value?.trim().slice(0, max) || undefined,
  /** A code-list code as the server accepts it. */
  code: ((value) => {
    const trimmed = value?.trim() ?? '';
    return trimmed && trimmed.length <= 16 ? trimmed : undefined;
  }) as ParamReader<string>,
  /** A region code: 2 (province), 4 (city) or 6 (county) digits. */
  region: ((value) => (value && /^\d{2,6}$/.test(value) ? value : undefined)) as ParamReader<string>,
  /** One of the values the server knows. */
  oneOf:
    <T extends string>(allowed: readonly T[]): ParamReader<T> =>
    (value) =>
      value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined,
  /** A filter that is only ever asked for ("only mine"): 'true' or absent. */
  flag: ((value) => (value === 'true' ? 'true' : undefined)) as ParamReader<'true'>,
  /** A calendar month, YYYY-MM. */
  month: ((value) =>
    value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined) as ParamReader<string>,
  /** A filter this page does not offer: never read from the URL. */
  none: (() => undefined) as ParamReader<never>,
};

/** A reader for each filter of F (every one named, so a filter the page forgets fails the typecheck). */
export type FieldReaders<F> = { [K in keyof F]-?: ParamReader<NonNullable<F[K]>> };

export interface ListParamsCodec<F> {
  /**
   * The parameters in a URL's query, checked against what the server accepts;
   * anything else is ignored, so a stale or hand-edited link still works.
   */
  read: (search: URLSearchParams) => F & Paging;
  /** The URL query for the parameters: defaults left out, so links stay short. */
  write: (params: F & Paging) => URLSearchParams;
}

/** The reader and writer of a list's URL parameters: paging, and the filters `fields` name. */
export function listParams<F extends object>(
  fields: FieldReaders<F>,
  /** Values the URL leaves out because the list applies them anyway (e.g. the default sort). */
  defaults: Partial<F> = {},
): ListParamsCodec<F> {
  const readers = Object.entries(fields) as [string, ParamReader<unknown>][];
  const implied = defaults as Record<string, unknown>;
  return {
    read: (search) => {
      const pageSize = positive(search.get('pageSize'));
      const params: Record<string, unknown> = {
        page: positive(search.get('page')) ?? 1,
        pageSize:
          pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
      };
      for (const [name, reader] of readers) {
        const value = reader(search.get(name));
        // Absent and undefined should compare alike (sameParams).
        if (value !== undefined) params[name] = value;
      }
      return params as F & Paging;
    },
    write: (params) => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) {
        if (value === undefined || value === null || value === '') continue;
        if (key === 'page' && value === 1) continue;
        if (key === 'pageSize' && value === DEFAULT_PAGE_SIZE) continue;
        if (Object.hasOwn(implied, key) && implied[key] === value) continue;
        search.set(key, String(value));
      }
      return search;
    },
  };
}

/** The filters alone (no paging), e.g. for exports. */
export function filtersOf<F extends object>(params: F & Paging): F {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return filters as F;
}
