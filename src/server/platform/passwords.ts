import { hash, verify } from '@node-rs/argon2';
import { foldVi } from '@shared/text/vi';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password hashing and policy (SECURITY-RELIABILITY.md S11; OWASP Password Storage): argon2id with
 * m = 19 MiB, t = 2, p = 1 (set explicitly, never left to library defaults); 12–128 characters;
 * no composition rules; refused when on the common-password list or built on the username.
 */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so an unknown user costs the same time as a known one.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('pcmt-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

// 49,000 passwords from leaked lists (@zxcvbn-ts/language-common, MIT), plus words any PCMT
// password guesser would try first.
const LOCAL_WORDS = ['pcmt', 'matkhau', 'phongchongmatuy', 'congan', 'conganxa', 'conganhuyen', 'conganTinh', 'admin', 'quantri'];
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL_WORDS].map((p) => p.toLowerCase()));
  return common;
}

/** Null when acceptable, else the reason (for the PASSWORD_TOO_COMMON answer). */
export function passwordProblem(password: string, username: string): 'common' | 'username' | null {
  const folded = foldVi(password).replace(/\s+/g, '');
  if (commonPasswords().has(password.toLowerCase()) || commonPasswords().has(folded)) return 'common';
  // Common words padded with digits or symbols ("matkhau123456", "Pcmt@2026!!") are no better.
  const core = folded.replace(/[^a-z]/g, '');
  if (core.length > 0 && core.length <= 8 && [...LOCAL_WORDS, 'password', 'qwerty'].some((w) => core === w.toLowerCase()))
    return 'common';
  if (/^(.)\1+$/.test(password) || /^(0123456789|1234567890|9876543210)+/.test(password)) return 'common';
  if (username.length >= 3 && folded.includes(username.toLowerCase())) return 'username';
  return null;
}
