import { XlsxError } from './xlsx-zip.ts';

/** The XML of an xlsx's parts: a streaming tokenizer, attributes, entities and Office's escapes. */

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw character data (entities not decoded); CDATA sections come decoded with `cdata`. */
  text(raw: string, cdata: boolean): void;
}

/**
 * A minimal streaming XML tokenizer, enough for the parts of an xlsx:
 * elements with quoted attributes, text, CDATA, comments and declarations.
 * Namespace prefixes are dropped from names (`x:row` is `row`).
 */
export class XmlScanner {
  private buffer = '';

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    this.buffer = this.buffer ? this.buffer + chunk : chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.buffer = '';
  }

  private drain(final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    const h = this.handler;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (final) {
          h.text(s.slice(i), false);
          i = n;
        }
        break;
      }
      if (lt > i) h.text(s.slice(i, lt), false);
      i = lt;
      const next = s.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) break;
          h.text(s.slice(lt + 9, end), true);
          i = end + 3;
        } else if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else {
          const end = s.indexOf('>', lt);
          if (end < 0) break;
          i = end + 1;
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      // The tag ends at the first '>' outside a quoted attribute value.
      const j = tagEnd(s, lt);
      if (j < 0) {
        if (n - lt > 1024 * 1024) throw new XlsxError('XML 格式有误 (malformed XML)');
        break;
      }
      if (next === 47 /* / */) {
        h.close(localName(s.slice(lt + 2, j).trim()));
      } else {
        const selfClosing = s.charCodeAt(j - 1) === 47;
        const inner = s.slice(lt + 1, selfClosing ? j - 1 : j);
        const space = inner.search(/[\s/]/);
        const name = space < 0 ? inner : inner.slice(0, space);
        h.open(localName(name), space < 0 ? '' : inner.slice(space), selfClosing);
      }
      i = j + 1;
    }
    if (final && i < n && s.slice(i).trim()) throw new XlsxError('XML 格式有误 (malformed XML)');
    this.buffer = i >= n ? '' : s.slice(i);
  }
}

/** Index of the '>' that ends the tag opened at `lt` (skipping quoted attribute values), or -1 if not yet read. */
function tagEnd(s: string, lt: number): number {
  let gt = s.indexOf('>', lt);
  let i = lt + 1;
  while (gt >= 0) {
    // A quote before the '>' opens a value that may hold '>': skip to its closing quote.
    for (; i < gt; i++) {
      const c = s.charCodeAt(i);
      if (c === 34 || c === 39) break;
    }
    if (i >= gt) return gt;
    const close = s.indexOf(s[i]!, i + 1);
    if (close < 0) return -1;
    i = close + 1;
    if (close > gt) gt = s.indexOf('>', i);
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const attrPatterns = new Map<string, RegExp>();

/** One attribute's decoded value (namespace prefixes ignored), or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Text content: XML entities, then the _xHHHH_ escapes Office writes for control characters. */
export function decodeText(raw: string, cdata: boolean): string {
  return unescapeOffice(cdata ? raw : decodeEntities(raw));
}

/** `_x000D_` is a carriage return; `_x005F_` escapes the underscore of a literal `_x…_`. */
export function unescapeOffice(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** Parses a whole small part, calling back for each element. */
export function scanPart(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.feed(text);
  scanner.end();
}
