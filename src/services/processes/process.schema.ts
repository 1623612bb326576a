import { z } from 'zod';
import { PARTY_KINDS, type PartyKind, ROLES, type Role } from '../../domain/access/roles.ts';

export const newProcessSchema = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300),
  description: z.string().trim().max(5000).default(''),
});

export const newPartySchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
  code: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(16)
    .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, - and _'),
  kind: z.enum(PARTY_KINDS as [PartyKind, ...PartyKind[]]),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f3a5f'),
});

export const newMemberSchema = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(320),
  partyId: z.string().min(1).max(64),
  role: z.enum(ROLES as [Role, ...Role[]]),
});
