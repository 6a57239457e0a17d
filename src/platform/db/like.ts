/** A text as a LIKE pattern's literal part: %, _ and \ match themselves. */
export function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '\\$&');
}

/** The LIKE pattern for "contains this text". */
export function containing(s: string): string {
  return `%${escapeLike(s)}%`;
}
