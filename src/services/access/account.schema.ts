import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ message: 'must be an e-mail address such as name@example.org' }));

/** Password rules: long enough to resist guessing; longer pass phrases are welcome. */
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters long')
  .max(200, 'must be at most 200 characters long');

export const signInSchema = z.strictObject({
  email: z.string().trim().min(1, 'is required').max(320),
  password: z.string().min(1, 'is required').max(200),
});

export const newUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, 'is required').max(200),
  password: passwordSchema,
  isAdmin: z.boolean().default(false),
});
