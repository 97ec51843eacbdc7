import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters written by {@link StaffKeyHash.create} (about 100 ms and 32 MiB per check). */
export const SCRYPT_DEFAULTS = Object.freeze({ N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 });

/** The most memory scrypt may use for a stored hash (guards against a hash with absurd parameters). */
const SCRYPT_MAX_MEMORY = 256 * 1024 * 1024;

/** How a stored hash is written, for error messages. */
export const STAFF_KEY_HASH_FORMATS =
  'scrypt:<N>:<r>:<p>:<salt base64>:<hash base64> or sha256:<64 hex digits>';

const SCRYPT_PATTERN =
  /^scrypt:(\d{1,8}):(\d{1,3}):(\d{1,3}):([A-Za-z0-9+/_-]{11,}={0,2}):([A-Za-z0-9+/_-]{22,}={0,2})$/;
const SHA256_PATTERN = /^(?:sha256:)?([0-9a-fA-F]{64})$/;

type Params =
  | {
      readonly kind: 'scrypt';
      readonly N: number;
      readonly r: number;
      readonly p: number;
      readonly salt: Buffer;
      readonly hash: Buffer;
    }
  | { readonly kind: 'sha256'; readonly hash: Buffer };

function scryptAsync(
  key: string,
  salt: Buffer,
  keyBytes: number,
  N: number,
  r: number,
  p: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(key, salt, keyBytes, { N, r, p, maxmem: SCRYPT_MAX_MEMORY }, (err, derived) =>
      err ? reject(err) : resolve(derived),
    );
  });
}

/**
 * The stored hash of the staff access key (`STAFF_ACCESS_KEY_HASH`), checked in constant time.
 * @remarks The server keeps only the hash: scrypt (salted, slow) is what `npm run staff:hash` writes;
 * a plain sha256 is accepted for keys that are long random strings already. Fields are separated by `:`
 * (not `$`) so the value survives shells and `.env` files unquoted.
 */
export class StaffKeyHash {
  private constructor(private readonly params: Params) {}

  /** Reads a stored hash; undefined when the text is in neither accepted format. */
  static parse(text: string): StaffKeyHash | undefined {
    const value = text.trim();
    const s = SCRYPT_PATTERN.exec(value);
    if (s) {
      const [N, r, p] = [Number(s[1]), Number(s[2]), Number(s[3])];
      const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
      if (!powerOfTwo || r < 1 || p < 1 || 128 * N * r * p > SCRYPT_MAX_MEMORY) return undefined;
      const salt = Buffer.from(s[4]!, 'base64');
      const hash = Buffer.from(s[5]!, 'base64');
      if (salt.length < 8 || hash.length < 16) return undefined;
      return new StaffKeyHash({ kind: 'scrypt', N, r, p, salt, hash });
    }
    const h = SHA256_PATTERN.exec(value);
    if (h) return new StaffKeyHash({ kind: 'sha256', hash: Buffer.from(h[1]!.toLowerCase(), 'hex') });
    return undefined;
  }

  /** Hashes a new key with scrypt and a random salt, in the stored format. */
  static async create(
    key: string,
    cost: { N: number; r: number; p: number } = SCRYPT_DEFAULTS,
  ): Promise<string> {
    const salt = randomBytes(SCRYPT_DEFAULTS.saltBytes);
    const hash = await scryptAsync(key, salt, SCRYPT_DEFAULTS.keyBytes, cost.N, cost.r, cost.p);
    return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join(':');
  }

  /** True when `key` is the staff access key; the comparison takes the same time whatever matches. */
  async matches(key: string): Promise<boolean> {
    const params = this.params;
    const derived =
      params.kind === 'scrypt'
        ? await scryptAsync(key, params.salt, params.hash.length, params.N, params.r, params.p)
        : createHash('sha256').update(key, 'utf8').digest();
    return derived.length === params.hash.length && timingSafeEqual(derived, params.hash);
  }
}
