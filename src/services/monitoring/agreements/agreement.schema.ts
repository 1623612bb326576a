import { z } from 'zod';
import { LOCAL_TIME_PATTERN } from '../../../domain/meetings/meeting-time.ts';

const id = z.string().min(1).max(64);
const calendarDate = z.iso.date({ error: 'must be a real date, YYYY-MM-DD' });

/** A wall-clock moment in an IANA zone, as people write entry into force ("noon, Geneva time"). */
export const localMomentSchema = z.strictObject({
  local: z
    .string()
    .regex(LOCAL_TIME_PATTERN, 'must be a local time, YYYY-MM-DDTHH:mm')
    .describe('wall-clock time, e.g. 2027-03-01T12:00'),
  zone: z.string().min(1, 'is required').max(64).describe('IANA time zone, e.g. Europe/Zurich'),
});

export const signatureSchema = z.strictObject({
  partyId: id,
  kind: z.enum(['signature', 'endorsement']).default('signature'),
  signedOn: calendarDate,
});

const signatures = z
  .array(signatureSchema)
  .max(100)
  .refine((list) => new Set(list.map((s) => s.partyId)).size === list.length, 'lists a party twice');

const phaseFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  description: z.string().trim().max(5000).default(''),
};

const fields = {
  title: z.string().trim().min(1, 'is required').max(300),
  adoptedOn: calendarDate.describe('the day the version was adopted, YYYY-MM-DD'),
  entryIntoForce: localMomentSchema.describe('when the agreement enters into force, local time and zone'),
};

/** Adopting a version as an agreement (mediator team): the request body and the web form. */
export const newAgreementSchema = z.strictObject({
  versionId: id.describe('the version adopted: an immutable version of a plan of this process'),
  ...fields,
  entryIntoForce: fields.entryIntoForce.optional(),
  signatures: signatures.default([]),
  phases: z.array(z.strictObject(phaseFields)).max(50).default([]),
});

/**
 * Changes to an agreement, naming the revision they apply to. Signatures and phases are given
 * whole; a phase keeps its id (and its commitments) when listed with it, a phase left out is removed.
 */
export const agreementChangesSchema = z
  .strictObject({
    revision: z.number().int().min(1).describe('the revision the changes apply to (compare-and-set)'),
    title: fields.title.optional(),
    adoptedOn: fields.adoptedOn.optional(),
    entryIntoForce: fields.entryIntoForce.nullable().optional(),
    signatures: signatures.optional(),
    phases: z
      .array(z.strictObject({ id: id.optional(), ...phaseFields }))
      .max(50)
      .optional(),
  })
  .refine(({ revision: _, ...changes }) => Object.values(changes).some((v) => v !== undefined), {
    path: [],
    message: 'change at least one field',
  });

export const agreementListParams = z.strictObject({ processId: id });
export const agreementParams = z.strictObject({ processId: id, agreementId: id });

export type NewAgreement = z.output<typeof newAgreementSchema>;
export type AgreementChanges = z.output<typeof agreementChangesSchema>;
