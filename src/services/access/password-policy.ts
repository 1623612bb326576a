import { AppError } from '../../domain/shared/app-error.ts';
import { passwordFor } from './account.schema.ts';

let common: Promise<Set<string>> | undefined;

/**
 * The ~50,000 commonest passwords of the zxcvbn-ts dictionary (collected from breach corpora),
 * lower-cased. Loaded on first use: 400 KB the server needs only when a password is set.
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    (m) => new Set(m.dictionary['passwords-common'].map((p) => p.toLowerCase())),
  );
  return common;
}

/**
 * True when the password is one of the commonest, ignoring case, or one of them with only digits
 * and punctuation added at the end ("Sunshine2024!"): the first guesses of any attacker (ASVS 2.1.7).
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  const list = await commonPasswords();
  const lower = password.normalize('NFKC').toLowerCase();
  if (list.has(lower)) return true;
  const stem = lower.replace(/[\d\p{P}\p{S}\s]+$/u, '');
  return stem.length >= 4 && stem !== lower && list.has(stem);
}

/**
 * Checks a new password against every rule: the shared schema (length, not the e-mail address) and
 * the common-password list. Throws a validation error naming `field`.
 */
export async function assertPasswordAllowed(
  password: string,
  email: string,
  field = 'password',
): Promise<void> {
  const parsed = passwordFor(email).safeParse(password);
  const reason = parsed.success
    ? (await isCommonPassword(password))
      ? 'is one of the most common passwords, which attackers try first; choose a longer phrase of your own'
      : null
    : (parsed.error.issues[0]?.message ?? 'is not allowed');
  if (reason !== null)
    throw new AppError('validation.failed', `${field}: ${reason}`, { problems: [{ field, reason }] });
}
