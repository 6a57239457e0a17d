import { randomInt } from 'node:crypto';
import type { ActivitiesRepository } from './repository.ts';

/** Letters and digits nobody mistakes for another when read out or typed: no 0/O, 1/I/L. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;

/**
 * A new 签到码 for a registration of the activity, unique within it. Called with
 * the activity's row locked (a registration is admitted under that lock), so the
 * check and the insert that follows cannot race. 31⁶ ≈ 887 million codes make a
 * clash rare; after a few the code grows a character, up to eight.
 */
export async function newShortCode(repo: ActivitiesRepository, activityId: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const length = Math.min(LENGTH + Math.floor(attempt / 4), 8);
    let code = '';
    for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    if (!(await repo.registrationByShortCode(activityId, code))) return code;
  }
}

/** A code as somebody typed it: spaces and hyphens dropped, letters upper-cased. */
export function normaliseShortCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
