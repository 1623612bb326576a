import type { z } from 'zod';
import { AppError, type FieldProblem } from '../../domain/shared/app-error.ts';
import type { MeetingParticipantRow } from '../../store/meetings/meeting-participants.repository.ts';
import type { MeetingVersionRow } from '../../store/meetings/meeting-versions.repository.ts';
import { findVersionsInProcess } from '../../store/meetings/meeting-versions.repository.ts';
import { listMembers, listParties } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { meetingVersionSchema, participantSchema } from './meeting.schema.ts';

type ParticipantInput = z.output<typeof participantSchema>;
type VersionInput = z.output<typeof meetingVersionSchema>;

/**
 * Checks participants and versions against the process and turns them into rows, reporting every
 * problem with its field ("body.participants.2.partyId"). A member brings their party along, so
 * the meeting is visible to that party; a whole party is stored without a name of its own.
 */
export async function resolveMeetingLinks(
  tx: Tx,
  processId: string,
  meetingId: string,
  input: { participants?: readonly ParticipantInput[]; versions?: readonly VersionInput[] },
): Promise<{ participants?: MeetingParticipantRow[]; versions?: MeetingVersionRow[] }> {
  const problems: FieldProblem[] = [];
  const result: { participants?: MeetingParticipantRow[]; versions?: MeetingVersionRow[] } = {};
  if (input.participants !== undefined) {
    const [parties, members] = await Promise.all([listParties(tx, processId), listMembers(tx, processId)]);
    const seen = new Set<string>();
    result.participants = input.participants.flatMap((p, i): MeetingParticipantRow[] => {
      const field = `body.participants.${i}`;
      // Ordered ids: the participants are listed back in the order they were entered.
      const id = `${meetingId}-${String(i).padStart(3, '0')}`;
      if (p.userId !== undefined) {
        const member = members.find((m) => m.user_id === p.userId);
        if (!member) {
          problems.push({ field: `${field}.userId`, reason: 'is not a member of this process' });
          return [];
        }
        if (!once(seen, `user:${p.userId}`, `${field}.userId`, problems)) return [];
        return [
          {
            id,
            meeting_id: meetingId,
            party_id: member.party_id,
            user_id: member.user_id,
            name: member.name,
          },
        ];
      }
      if (p.partyId !== undefined && !parties.some((party) => party.id === p.partyId)) {
        problems.push({ field: `${field}.partyId`, reason: 'is not a party of this process' });
        return [];
      }
      const name = p.name ?? '';
      const key = name === '' ? `party:${p.partyId}` : `person:${name.toLowerCase()}:${p.partyId ?? ''}`;
      if (!once(seen, key, `${field}.${name === '' ? 'partyId' : 'name'}`, problems)) return [];
      return [{ id, meeting_id: meetingId, party_id: p.partyId ?? null, user_id: null, name }];
    });
  }
  if (input.versions !== undefined) {
    const found = await findVersionsInProcess(tx, processId, [
      ...new Set(input.versions.map((v) => v.versionId)),
    ]);
    const seen = new Set<string>();
    result.versions = input.versions.flatMap((v, i): MeetingVersionRow[] => {
      if (!found.some((f) => f.id === v.versionId)) {
        problems.push({
          field: `body.versions.${i}.versionId`,
          reason: 'is not a version of a plan in this process',
        });
        return [];
      }
      if (!once(seen, `${v.versionId}:${v.role}`, `body.versions.${i}.versionId`, problems)) return [];
      return [{ meeting_id: meetingId, version_id: v.versionId, role: v.role }];
    });
  }
  if (problems.length > 0)
    throw new AppError('validation.failed', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
      problems,
    });
  return result;
}

function once(seen: Set<string>, key: string, field: string, problems: FieldProblem[]): boolean {
  if (seen.has(key)) {
    problems.push({ field, reason: 'is listed twice' });
    return false;
  }
  seen.add(key);
  return true;
}
