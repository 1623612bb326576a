import { can, type ProcessAction, type Subject } from '../../domain/access/policies.ts';
import type { Role } from '../api/types.ts';

/**
 * Asks the same policy the server applies, so the UI offers only what would be allowed. The
 * server decides in any case; this only hides buttons that would be refused.
 */
export function viewerCan(
  membership: { role: Role; partyId: string } | null | undefined,
  action: ProcessAction,
  subject?: Subject,
): boolean {
  return can({ userId: '', isAdmin: false, membership: membership ?? null, canWrite: true }, action, subject);
}
