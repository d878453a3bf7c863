import { createRequire } from 'node:module';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

/**
 * SHA-256 of a text (as UTF-8) or of bytes. node:crypto is loaded on the first call: loading it costs several
 * milliseconds of start-up, and a build of a deck without images hashes nothing.
 */
export function sha256(data: string | Uint8Array, encoding: 'hex' | 'base64'): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as Crypto;
  return crypto.createHash('sha256').update(data).digest(encoding);
}
