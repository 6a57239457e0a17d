/** A text in both languages: a name the server sends, and every message of the interface. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * A module's messages: each key (starting with one of the module's prefixes) with its
 * Chinese and English side by side, so a missing language fails the typecheck.
 */
export type Messages<Prefix extends string = string> = Record<`${Prefix}.${string}`, Bilingual>;
