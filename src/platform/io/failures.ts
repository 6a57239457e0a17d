import { pgErrorCode } from '../db/client.ts';
import { AppError } from '../http/app-error.ts';

/**
 * Saying what failed in an import without repeating it: a database error's
 * message holds the query and its values (names, ciphertexts, lookup hashes),
 * so only its code and constraint's name leave here, for a report or a log.
 */

/**
 * A fault of one row, not of the whole import: it was refused (an AppError), or the database refused
 * its values — a data exception (22…), a constraint (23…) or a limit such as an index entry too
 * large for a very long value (54…).
 */
export function isRowFault(err: unknown): boolean {
  if (err instanceof AppError) return true;
  const code = pgErrorCode(err);
  return code !== undefined && /^(22|23|54)/.test(code);
}

/** The name of the constraint a database error is about, if any. */
export function constraintOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string' && constraint) return constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What failed, for a log or a report: an error code, or a database error's code and constraint. */
export function failureOf(err: unknown): string {
  if (err instanceof AppError) return err.code;
  const code = pgErrorCode(err);
  if (code) {
    const constraint = constraintOf(err);
    return `database error ${code}${constraint ? ` (${constraint})` : ''}`;
  }
  return err instanceof Error ? err.name : 'unknown error';
}

/** An error that is safe to throw on: an AppError as it is, anything else replaced by what failed. */
export function withoutDetails(err: unknown, what: string): Error {
  return err instanceof AppError ? err : new Error(`${what} failed: ${failureOf(err)}`);
}
