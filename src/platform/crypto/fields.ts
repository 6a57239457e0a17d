import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** Masked values remembered per mask (about 100 bytes each). */
const MASKED_CACHE_SIZE = 20_000;

/**
 * Encrypts personal data at rest (AES-256-GCM) and computes keyed lookup
 * hashes (HMAC-SHA256) so an exact value can be found without decrypting
 * every row. Both keys derive from the one configured field key.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  /**
   * Names the key without revealing it (a third key derived from it, 16 hex
   * characters): backups record it, and a restore under another key is refused.
   */
  readonly keyId: string;

  constructor(fieldKey: Buffer) {
    if (fieldKey.length !== 32) throw new Error('field key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', fieldKey, Buffer.alloc(0), 'caiqiao field encryption', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', fieldKey, Buffer.alloc(0), 'caiqiao lookup hash', 32));
    this.keyId = Buffer.from(hkdfSync('sha256', fieldKey, Buffer.alloc(0), 'caiqiao key id', 8)).toString(
      'hex',
    );
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /**
   * The masked form of a sealed value, what a caller without reveal sees (a
   * list page shows twenty of them per request). Remembered by ciphertext —
   * a changed value is a new ciphertext — so a page read again is not
   * decrypted again; only masked forms are kept, never the plain values.
   */
  masked(sealed: string, mask: (plain: string) => string): string {
    let byCiphertext = this.maskedCache.get(mask);
    if (!byCiphertext) {
      byCiphertext = new Map();
      this.maskedCache.set(mask, byCiphertext);
    }
    const known = byCiphertext.get(sealed);
    if (known !== undefined) return known;
    const value = mask(this.decrypt(sealed));
    // Oldest first out: a bounded memory, whatever the registry's size.
    if (byCiphertext.size >= MASKED_CACHE_SIZE) byCiphertext.delete(byCiphertext.keys().next().value!);
    byCiphertext.set(sealed, value);
    return value;
  }

  private readonly maskedCache = new Map<(plain: string) => string, Map<string, string>>();

  /** Whether `sealed` was encrypted with this key (it decrypts and authenticates). */
  opens(sealed: string): boolean {
    try {
      this.decrypt(sealed);
      return true;
    } catch {
      return false;
    }
  }

  /** Deterministic keyed hash of an already normalised value. */
  lookupHash(normalised: string): string {
    return createHmac('sha256', this.macKey).update(normalised).digest('hex');
  }
}
