import type { z } from 'zod';
import { canonicalTimeZone, isCalendarTime, localToUtc } from '../../../domain/meetings/meeting-time.ts';
import { AppError, type FieldProblem } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import type { AgreementSignatureRow } from '../../../store/monitoring/agreement-signatures.repository.ts';
import { listParties } from '../../../store/processes/processes.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import type { localMomentSchema, signatureSchema } from './agreement.schema.ts';

type LocalMoment = z.output<typeof localMomentSchema>;
type SignatureInput = z.output<typeof signatureSchema>;

/** Entry into force as stored: the wall time and canonical zone as entered, and the UTC instant. */
export interface EntryIntoForce {
  local: string;
  zone: string;
  at: string;
}

/**
 * Reads an entry-into-force moment: the zone must be a known IANA zone, the time real and outside
 * the hour skipped when clocks go forward. Problems are added to `problems`, naming their field.
 */
export function readEntryIntoForce(
  moment: LocalMoment,
  field: string,
  problems: FieldProblem[],
): EntryIntoForce | null {
  const zone = canonicalTimeZone(moment.zone);
  if (zone === null)
    problems.push({
      field: `${field}.zone`,
      reason: `unknown time zone "${moment.zone}": use an IANA name such as "Europe/Zurich"`,
    });
  if (!isCalendarTime(moment.local)) {
    problems.push({ field: `${field}.local`, reason: 'is not a real date and time (YYYY-MM-DDTHH:mm)' });
    return null;
  }
  if (zone === null) return null;
  try {
    return { local: moment.local, zone, at: localToUtc(moment.local, zone, `${field}.local`) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

/** Checks that each signing party is a party of the process and turns the list into rows. */
export async function signatureRows(
  tx: Tx,
  processId: string,
  agreementId: string,
  signatures: readonly SignatureInput[],
  problems: FieldProblem[],
): Promise<AgreementSignatureRow[]> {
  if (signatures.length === 0) return [];
  const parties = new Set((await listParties(tx, processId)).map((p) => p.id));
  return signatures.flatMap((s, i): AgreementSignatureRow[] => {
    if (!parties.has(s.partyId)) {
      problems.push({ field: `body.signatures.${i}.partyId`, reason: 'is not a party of this process' });
      return [];
    }
    return [
      {
        id: newId('sig'),
        agreement_id: agreementId,
        party_id: s.partyId,
        kind: s.kind,
        signed_on: s.signedOn,
      },
    ];
  });
}

/** Throws one validation error listing every problem, if there is any. */
export function throwProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0)
    throw new AppError('validation.failed', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      problems: [...problems],
    });
}
