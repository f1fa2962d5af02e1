import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * The server's secret key and what is derived from it. The key never enters the database, so a
 * database dump alone does not reveal TOTP secrets or let anyone forge CSRF tokens.
 * Issue 4 adds per-record data keys for personal data on the same root.
 */
export interface Secrets {
  /** AES-256-GCM with additional data naming the table, column and row, so sealed values cannot be moved. */
  seal(plaintext: string, context: string): string;
  unseal(sealed: string, context: string): string;
  /** HMAC-SHA-256 under a purpose-specific key (CSRF tokens, recovery-code hashes). */
  mac(purpose: 'csrf' | 'recovery-code', value: string): string;
  macEquals(purpose: 'csrf' | 'recovery-code', value: string, expected: string): boolean;
}

export class SecretKeyError extends Error {}

/** SECRET_KEY if configured, else DATA_DIR/secret.key, created on first use with mode 600. */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new SecretKeyError(`Khóa bí mật ${file} hỏng / the secret key file ${file} is not 32 bytes of base64`);
  return key;
}

function derive(root: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), `pcmt:${purpose}`, 32));
}

export function createSecrets(root: Buffer): Secrets {
  const sealKey = derive(root, 'seal');
  const macKeys = { csrf: derive(root, 'csrf'), 'recovery-code': derive(root, 'recovery-code') };
  const mac = (purpose: 'csrf' | 'recovery-code', value: string) =>
    createHmac('sha256', macKeys[purpose]).update(value).digest('base64url');
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
    },
    unseal(sealed, context) {
      const [version, iv, body, tag] = sealed.split('.');
      if (version !== 'v1' || !iv || !body || !tag) throw new Error('unknown sealed format');
      const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    mac,
    macEquals(purpose, value, expected) {
      const actual = Buffer.from(mac(purpose, value));
      const wanted = Buffer.from(expected);
      return actual.length === wanted.length && timingSafeEqual(actual, wanted);
    },
  };
}
