// Passwords (argon2id via @node-rs/argon2), random tokens and TOTP (otpauth). No home-made crypto.
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import * as OTPAuth from "otpauth";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON = {
  algorithm: 2 /* Algorithm.Argon2id (an ambient const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};
export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Same cost whether or not the account exists or has a password.
    await hash(password, ARGON);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** A URL-safe random token and the SHA-256 under which it is stored. */
export function newToken(): { token: string; id: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, id: tokenId(token) };
}

export function tokenId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function totp(secret: string, label = "Mutuo"): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: "Mutuo",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

export const TOTP_PERIOD_SECONDS = 30;
export const totpStepAt = (now: Date) => Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ""));

/**
 * The time step of the code, if it is the current one or the one just before or after (clock drift);
 * else null. The caller refuses a step already used, so that a code is accepted once.
 */
export function totpStep(secret: string, code: string, now: Date = new Date()): number | null {
  const clean = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secret).validate({ token: clean, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : totpStepAt(now) + delta;
}

export function verifyTotp(secret: string, code: string, now: Date = new Date()): boolean {
  return totpStep(secret, code, now) !== null;
}

export function currentTotp(secret: string, now: Date = new Date()): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

// Recovery codes: 10 characters of Crockford's base32 (50 bits), shown as "xxxxx-xxxxx".
const RECOVERY_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

export function newRecoveryCode(): string {
  const chars = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b & 31]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a person typed, as it was generated: case, spaces and dashes ignored, I/L read as 1, O as 0. */
export function normalizeRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, "").replace(/[il]/g, "1").replace(/o/g, "0");
  return /^[0-9a-hjkmnp-tv-z]{10}$/.test(clean) ? `${clean.slice(0, 5)}-${clean.slice(5)}` : null;
}

export async function verifyHashed(hashed: string, value: string): Promise<boolean> {
  return verify(hashed, value).catch(() => false);
}
