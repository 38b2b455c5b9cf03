import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encrypts small secrets kept in the database (the SSO client secret) with AES-256-GCM under a
 * key derived from the session secret, so a copy of the database alone does not reveal them.
 * Format: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
function keyFor(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'rightly', 'stored-secret-v1', 32));
}

export function sealSecret(params: { plaintext: string; sessionSecret: string }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(params.sessionSecret), iv);
  const data = Buffer.concat([cipher.update(params.plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Null when the value was sealed under another session secret or was tampered with. */
export function openSecret(params: { sealed: string; sessionSecret: string }): string | null {
  const [version, iv, tag, data] = params.sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(params.sessionSecret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
