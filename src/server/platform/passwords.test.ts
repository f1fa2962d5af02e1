import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes with argon2id, m = 19 MiB, t = 2, p = 1 (read back from the stored hash)', async () => {
    const stored = await hashPassword('một mật khẩu đủ dài 2026');
    const [, algorithm, version, params] = stored.split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    expect(params).toBe('m=19456,t=2,p=1');
    expect(await verifyPassword(stored, 'một mật khẩu đủ dài 2026')).toBe(true);
    // NFC and NFD input are the same password.
    expect(await verifyPassword(stored, 'một mật khẩu đủ dài 2026'.normalize('NFD'))).toBe(true);
    expect(await verifyPassword(stored, 'một mật khẩu đủ dài 2027')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('refuses common passwords, padded local words and passwords built on the username', () => {
    expect(passwordProblem('123456789012', 'cb.xa')).toBe('common');
    expect(passwordProblem('qwerty123456', 'cb.xa')).toBe('common');
    expect(passwordProblem('Matkhau@2026!!', 'cb.xa')).toBe('common');
    expect(passwordProblem('aaaaaaaaaaaaaa', 'cb.xa')).toBe('common');
    expect(passwordProblem('nguyenvana-2026-bd', 'nguyenvana')).toBe('username');
    expect(passwordProblem('sông Đà chảy qua Lai Châu', 'cb.xa')).toBeNull();
  });
});
