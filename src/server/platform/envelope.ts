import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Envelope encryption of sensitive fields (SECURITY-RELIABILITY.md S10; Law 91/2025/QH15 on
 * personal data): every record has its own data key (DEK); the DEK is stored wrapped by a
 * key-encryption key (KEK) that never enters the database. Fields are AES-256-GCM with additional
 * data naming table, column and record id, so a ciphertext copied to another row or column fails
 * to decrypt. KEKs live in a keyring file with versions: rotation adds a KEK, re-wraps every DEK,
 * and only then retires the old one. Equality search on identifiers uses a keyed blind index.
 */
export interface KeyringFile {
  /** The KEK that wraps new data keys. */
  active: string;
  /** KEK id → 32 bytes in base64. */
  keys: Record<string, string>;
}

export class KeyringError extends Error {}

export class Keyring {
  private constructor(
    private readonly file: string | null,
    private content: KeyringFile,
  ) {}

  /** Opens (or creates, mode 600) the keyring file. */
  static open(file: string): Keyring {
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const initial: KeyringFile = { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } };
      writeFileSync(file, `${JSON.stringify(initial, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    }
    const content = JSON.parse(readFileSync(file, 'utf8')) as KeyringFile;
    const keyring = new Keyring(file, content);
    keyring.check();
    return keyring;
  }

  /** A keyring that lives only in memory (tests). */
  static inMemory(content?: KeyringFile): Keyring {
    return new Keyring(null, content ?? { active: 'k1', keys: { k1: randomBytes(32).toString('base64') } });
  }

  private check(): void {
    for (const [id, key] of Object.entries(this.content.keys)) {
      if (Buffer.from(key, 'base64').length !== 32)
        throw new KeyringError(`Khóa ${id} trong keyring không đủ 32 byte / key ${id} is not 32 bytes`);
    }
    if (!this.content.keys[this.content.active])
      throw new KeyringError(`Khóa đang dùng ${this.content.active} không có trong keyring`);
  }

  get activeId(): string {
    return this.content.active;
  }

  get ids(): string[] {
    return Object.keys(this.content.keys);
  }

  key(id: string): Buffer {
    const key = this.content.keys[id];
    if (!key) throw new KeyringError(`Không có khóa ${id} trong keyring / no key ${id} in the keyring`);
    return Buffer.from(key, 'base64');
  }

  /** Adds a new KEK and makes it active (old ones stay until every DEK is re-wrapped). */
  addKey(): string {
    const next = `k${Math.max(0, ...this.ids.map((id) => Number(id.slice(1)) || 0)) + 1}`;
    this.content = { active: next, keys: { ...this.content.keys, [next]: randomBytes(32).toString('base64') } };
    this.save();
    return next;
  }

  /** Removes a KEK that no longer wraps any data key. */
  retire(id: string): void {
    if (id === this.content.active) throw new KeyringError('Không thể bỏ khóa đang dùng / cannot retire the active key');
    const { [id]: _removed, ...rest } = this.content.keys;
    this.content = { ...this.content, keys: rest };
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    // Write-then-rename: a crash never leaves a half-written keyring.
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.content, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

function gcmDecrypt(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, body, tag] = sealed.split('.');
  if (!iv || !body || !tag) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

/** Where a value belongs: what the additional data binds it to. */
export interface FieldPlace {
  table: string;
  column: string;
  recordId: string;
}

export class Envelope {
  private readonly indexKey: Buffer;

  constructor(
    readonly keyring: Keyring,
    /** The server secret (SECRET_KEY): the blind-index key is derived from it, not rotated with KEKs. */
    rootSecret: Buffer,
  ) {
    this.indexKey = Buffer.from(hkdfSync('sha256', rootSecret, Buffer.alloc(0), 'pcmt:blind-index', 32));
  }

  /** A new data key for a record, and its wrapped form to store on the record (`kekId.iv.ct.tag`). */
  newDataKey(table: string, recordId: string): { dek: Buffer; wrapped: string } {
    const dek = randomBytes(32);
    return { dek, wrapped: this.wrap(dek, table, recordId) };
  }

  private wrap(dek: Buffer, table: string, recordId: string): string {
    const kekId = this.keyring.activeId;
    return `${kekId}.${gcmEncrypt(this.keyring.key(kekId), dek, `dek:${table}:${recordId}`)}`;
  }

  unwrap(wrapped: string, table: string, recordId: string): Buffer {
    const dot = wrapped.indexOf('.');
    return gcmDecrypt(this.keyring.key(wrapped.slice(0, dot)), wrapped.slice(dot + 1), `dek:${table}:${recordId}`);
  }

  /** The same data key wrapped by the active KEK (rotation). Unchanged when already current. */
  rewrap(wrapped: string, table: string, recordId: string): string {
    if (wrapped.startsWith(`${this.keyring.activeId}.`)) return wrapped;
    return this.wrap(this.unwrap(wrapped, table, recordId), table, recordId);
  }

  /** The KEK a wrapped data key depends on. */
  static kekOf(wrapped: string): string {
    return wrapped.slice(0, wrapped.indexOf('.'));
  }

  encrypt(dek: Buffer, plaintext: string, place: FieldPlace): string {
    return `e1.${gcmEncrypt(dek, Buffer.from(plaintext, 'utf8'), `${place.table}:${place.column}:${place.recordId}`)}`;
  }

  decrypt(dek: Buffer, ciphertext: string, place: FieldPlace): string {
    if (!ciphertext.startsWith('e1.')) throw new Error('unknown ciphertext version');
    return gcmDecrypt(dek, ciphertext.slice(3), `${place.table}:${place.column}:${place.recordId}`).toString('utf8');
  }

  /** A file's bytes under the record's data key: `iv (12) | tag (16) | ciphertext`, bound to its place. */
  encryptBytes(dek: Buffer, plaintext: Buffer, place: FieldPlace): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dek, iv);
    cipher.setAAD(Buffer.from(`${place.table}:${place.column}:${place.recordId}`));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptBytes(dek: Buffer, sealed: Buffer, place: FieldPlace): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', dek, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${place.table}:${place.column}:${place.recordId}`));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  }

  /** Keyed hash for equality search (an ID number is found without being stored in clear). */
  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${value}`).digest('base64url');
  }
}
