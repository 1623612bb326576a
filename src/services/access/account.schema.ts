import { z } from 'zod';

// No Node imports here: the web client checks its forms with these same schemas.

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ message: 'must be an e-mail address such as name@example.org' }));

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/**
 * Password rules (OWASP ASVS 2.1): long enough to resist guessing, any characters, no composition
 * rules. The list of common passwords is checked on the server only (password-policy.ts).
 */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters long`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters long`);

/** Why a password is too close to the account's e-mail address, or null when it is not. */
export function emailProblem(password: string, email: string): string | null {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  // Very short local parts ("jo@…") occur inside many good pass phrases by chance.
  if (local.length < 3) return null;
  const lower = password.normalize('NFKC').toLowerCase();
  if (lower === email.trim().toLowerCase() || lower.includes(local))
    return 'must not contain your e-mail address or the part before the @';
  return null;
}

/** The password rules for one account: passwordSchema plus "not your e-mail address". */
export function passwordFor(email: string) {
  return passwordSchema.superRefine((password, ctx) => {
    const problem = emailProblem(password, email);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A 6-digit code from an authenticator app; spaces between the digits are allowed ("123 456"). */
export const totpCodeSchema = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'));

export const signInSchema = z.strictObject({
  email: z.string().trim().min(1, 'is required').max(320),
  password: z.string().min(1, 'is required').max(PASSWORD_MAX),
  /** Only for accounts with two-factor sign-in; without it they are asked for it. */
  code: totpCodeSchema.optional(),
});

export const newUserSchema = z
  .strictObject({
    email: emailSchema,
    name: z.string().trim().min(1, 'is required').max(200),
    password: passwordSchema,
    isAdmin: z.boolean().default(false),
  })
  .superRefine((user, ctx) => {
    const problem = emailProblem(user.password, user.email);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(PASSWORD_MAX),
  newPassword: passwordSchema,
});

export const newApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  scope: z.enum(['read', 'write']).default('read'),
});

export const totpStartSchema = z.strictObject({
  password: z.string().min(1, 'is required').max(PASSWORD_MAX),
});

export const totpConfirmSchema = z.strictObject({ code: totpCodeSchema });

export const totpDisableSchema = z.strictObject({
  password: z.string().min(1, 'is required').max(PASSWORD_MAX),
  code: totpCodeSchema,
});

export const signInHistoryQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
