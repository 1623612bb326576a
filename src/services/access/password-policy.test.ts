import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/shared/app-error.ts';
import { emailProblem, newUserSchema, passwordFor, passwordSchema } from './account.schema.ts';
import { assertPasswordAllowed, isCommonPassword } from './password-policy.ts';

async function reasonFor(password: string, email = 'ingrid.salvesen@envoy.example') {
  try {
    await assertPasswordAllowed(password, email);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('validation.failed');
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]?.field).toBe('password');
    return e.problems[0]?.reason ?? null;
  }
}

describe('password policy', () => {
  it('asks for 12 to 200 characters, of any kind', async () => {
    expect(await reasonFor('elevenchars')).toBe('must be at least 12 characters long');
    expect(await reasonFor('x'.repeat(201))).toBe('must be at most 200 characters long');
    expect(await reasonFor('twelve chars')).toBeNull();
    expect(await reasonFor('x'.repeat(200))).toBeNull();
    // No composition rules: a lower-case pass phrase, or one in another script, is fine.
    expect(await reasonFor('correct horse battery staple')).toBeNull();
    expect(await reasonFor('Мир в долине Орлен')).toBeNull();
  });

  it('refuses the commonest passwords whatever their case', async () => {
    for (const common of ['123456789012', '1q2w3e4r5t6y', 'QAZWSXEDCRFV', 'LeaveMeAlone'])
      expect(await reasonFor(common), common).toMatch(/one of the most common passwords/);
    expect(await isCommonPassword('password')).toBe(true);
    expect(await isCommonPassword('PaSsWoRd')).toBe(true);
  });

  it('refuses a common password with only digits or punctuation stuck on the end', async () => {
    expect(await isCommonPassword('Sunshine2024!')).toBe(true);
    expect(await isCommonPassword('password1234')).toBe(true);
    expect(await reasonFor('football12345')).toMatch(/most common/);
    // A phrase that merely ends in a number is not a common password.
    expect(await isCommonPassword('peace in the valley 2025')).toBe(false);
  });

  it('refuses passwords containing the e-mail address or its local part', async () => {
    expect(await reasonFor('ingrid.salvesen@envoy.example')).toMatch(/must not contain your e-mail/);
    expect(await reasonFor('I am INGRID.SALVESEN, hello')).toMatch(/must not contain your e-mail/);
    // A very short local part occurs in good phrases by chance, and is not held against them.
    expect(emailProblem('jokes about jo are fine', 'jo@example.org')).toBeNull();
  });

  it('is one schema for the API, the web form and the CLI', () => {
    expect(passwordSchema.safeParse('short').success).toBe(false);
    const forMe = passwordFor('chief@example.org');
    expect(forMe.safeParse('chief of the mediation team').error?.issues[0]?.message).toMatch(/e-mail/);
    expect(forMe.safeParse('a long enough password').success).toBe(true);
    const user = newUserSchema.safeParse({
      email: 'Chief@Example.org',
      name: 'C',
      password: 'chief chief chief',
    });
    expect(user.error?.issues.map((i) => i.path.join('.'))).toEqual(['password']);
  });

  it('never lets through a password shorter than 12 characters (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 11 }), async (pw) => {
        expect(await reasonFor(pw)).not.toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
