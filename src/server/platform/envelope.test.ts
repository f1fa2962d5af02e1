import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Envelope, Keyring } from './envelope';

const place = { table: 'person', column: 'personal_id', recordId: '11111111-1111-4111-8111-111111111111' };

describe('envelope encryption', () => {
  it('round-trips a field under a per-record data key', () => {
    const envelope = new Envelope(Keyring.inMemory(), randomBytes(32));
    const { dek, wrapped } = envelope.newDataKey('person', place.recordId);
    const sealed = envelope.encrypt(dek, '001089012345', place);
    expect(sealed).not.toContain('001089012345');
    expect(envelope.decrypt(envelope.unwrap(wrapped, 'person', place.recordId), sealed, place)).toBe('001089012345');
  });

  it('refuses a ciphertext or a data key moved to another row or column', () => {
    const envelope = new Envelope(Keyring.inMemory(), randomBytes(32));
    const { dek, wrapped } = envelope.newDataKey('person', place.recordId);
    const sealed = envelope.encrypt(dek, 'Số điện thoại 0912345678', place);
    expect(() => envelope.decrypt(dek, sealed, { ...place, recordId: '22222222-2222-4222-8222-222222222222' })).toThrow();
    expect(() => envelope.decrypt(dek, sealed, { ...place, column: 'phone' })).toThrow();
    expect(() => envelope.unwrap(wrapped, 'person', '22222222-2222-4222-8222-222222222222')).toThrow();
  });

  it('rotates: a new KEK re-wraps data keys, the old KEK can then be retired, and values still read', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pcmt-keyring-'));
    try {
      const file = path.join(dir, 'keyring.json');
      const keyring = Keyring.open(file);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const envelope = new Envelope(keyring, randomBytes(32));
      const { dek, wrapped } = envelope.newDataKey('person', place.recordId);
      const sealed = envelope.encrypt(dek, 'ghi chú mật', place);
      expect(Envelope.kekOf(wrapped)).toBe('k1');
      expect(keyring.addKey()).toBe('k2');
      const rewrapped = envelope.rewrap(wrapped, 'person', place.recordId);
      expect(Envelope.kekOf(rewrapped)).toBe('k2');
      keyring.retire('k1');
      const reopened = new Envelope(Keyring.open(file), randomBytes(32));
      expect(reopened.keyring.ids).toEqual(['k2']);
      expect(reopened.decrypt(reopened.unwrap(rewrapped, 'person', place.recordId), sealed, place)).toBe('ghi chú mật');
      expect(() => reopened.unwrap(wrapped, 'person', place.recordId)).toThrow(/k1/);
      expect(readFileSync(file, 'utf8')).not.toContain('ghi chú');
      expect(() => reopened.keyring.retire('k2')).toThrow(/active/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives a blind index equal for equal values, different per kind and per server secret', () => {
    const secret = randomBytes(32);
    const a = new Envelope(Keyring.inMemory(), secret);
    const b = new Envelope(Keyring.inMemory(), secret);
    expect(a.blindIndex('personal_id', '001089012345')).toBe(b.blindIndex('personal_id', '001089012345'));
    expect(a.blindIndex('personal_id', '001089012345')).not.toBe(a.blindIndex('old_id', '001089012345'));
    expect(a.blindIndex('personal_id', '001089012345')).not.toBe(
      new Envelope(Keyring.inMemory(), randomBytes(32)).blindIndex('personal_id', '001089012345'),
    );
    expect(a.blindIndex('personal_id', '001089012345')).not.toContain('001089012345');
  });
});
