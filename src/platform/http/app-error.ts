import { type Bilingual, type Locale, translate } from '../i18n/locale.ts';

/** One entry of an error catalogue: the HTTP status and a safe message in both languages. */
export interface ErrorSpec extends Bilingual {
  status: number;
}

export type ErrorCatalogue = Record<string, ErrorSpec>;

export interface FieldError {
  /** Where the bad value is, e.g. `body.mobile` or `query.page`. */
  path: string;
  message: string;
}

/**
 * The one error type the platform throws on purpose. Its code is stable and
 * documented; its status and messages come from the catalogue it was made from.
 */
export class AppError extends Error {
  readonly code: string;
  readonly spec: ErrorSpec;
  readonly params: Record<string, unknown> | undefined;
  readonly fields: FieldError[] | undefined;
  /** Extra machine-readable data for the client (e.g. the current state in a conflict). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
    spec: ErrorSpec,
    options: {
      params?: Record<string, unknown>;
      fields?: FieldError[];
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(`${code}: ${spec.en}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.spec = spec;
    this.params = options.params;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return this.spec.status;
  }

  localizedMessage(locale: Locale): string {
    return translate(this.spec, locale, this.params);
  }
}

const registry = new Map<string, ErrorSpec>();

/**
 * Declares a module's error codes and returns a typed factory for them: only
 * declared codes compile, and a code declared twice across modules fails at start.
 */
export function defineErrors<const C extends ErrorCatalogue>(catalogue: C) {
  for (const [code, spec] of Object.entries(catalogue)) {
    const existing = registry.get(code);
    if (existing && existing !== spec) throw new Error(`Error code ${code} is declared twice`);
    registry.set(code, spec);
  }
  return (code: keyof C & string, options?: ConstructorParameters<typeof AppError>[2]): AppError =>
    new AppError(code, catalogue[code]!, options);
}

/** Every declared error code with its status and messages (for docs and tests). */
export function errorCatalogue(): ReadonlyMap<string, ErrorSpec> {
  return registry;
}
