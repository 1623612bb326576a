import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../domain/shared/app-error.ts';

/**
 * TOTP secrets are stored sealed with AES-256-GCM, so that a copy of the database alone (a dump, a
 * backup, an injected query) does not give the codes away. The key comes from ENTENTE_SECRET, or
 * else from a key file made on first use in the data directory (kept out of the database; several
 * instances must then share ENTENTE_SECRET). The user id is bound in as associated data, so a sealed
 * secret copied onto another account does not open.
 */

const FORMAT = 'v1';
export const KEY_FILE = 'entente-secret.key';

const keys = new Map<string, Buffer>();

/** The sealing key for this environment (cached per source). */
function sealingKey(env: NodeJS.ProcessEnv): Buffer {
  const configured = env.ENTENTE_SECRET?.trim();
  const source = configured ? `env:${configured}` : `file:${loadConfig(env).dataDir}`;
  let key = keys.get(source);
  if (!key) {
    const material = configured ? Buffer.from(configured, 'utf8') : keyFileMaterial(loadConfig(env).dataDir);
    if (configured && configured.length < 16)
      throw new AppError('internal', 'ENTENTE_SECRET must be at least 16 characters long');
    key = Buffer.from(hkdfSync('sha256', material, 'entente', 'totp-secret-box v1', 32));
    keys.set(source, key);
  }
  return key;
}

/** Reads the key file, creating it (owner-only) the first time; two instances racing read the winner's. */
function keyFileMaterial(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
}

/** Seals a Base32 TOTP secret for storage in the users row of `userId`. */
export function sealTotpSecret(secret: string, userId: string, env: NodeJS.ProcessEnv = process.env): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(env), iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Opens a sealed secret; a wrong key or a tampered value is a configuration fault, said plainly. */
export function openTotpSecret(sealed: string, userId: string, env: NodeJS.ProcessEnv = process.env): string {
  const [format, iv, tag, body] = sealed.split('.');
  try {
    if (format !== FORMAT || !iv || !tag || !body) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(env), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'internal',
      'the two-factor secret of this account cannot be read with this server’s key (ENTENTE_SECRET or ' +
        `${KEY_FILE} differs from the one it was set up with); an administrator must fix the key or reset two-factor sign-in`,
    );
  }
}
