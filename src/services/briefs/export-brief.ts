import { can } from '../../domain/access/policies.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import {
  listBriefPositions,
  listOpenAmendments,
  listParticipantParties,
  listUpcomingMeetings,
  newestVersionHeldBy,
} from '../../store/briefs/brief.repository.ts';
import type { Database } from '../../store/database.ts';
import { draftOf } from '../../store/plans/plans.repository.ts';
import { findProcess, listParties } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { markCopyFor } from '../leak-trace/mark-copy.ts';
import { fileStem } from '../plans/export-plan.ts';
import { loadReadablePlan, planNotFound } from '../plans/plan-access.ts';
import type { BriefFormat } from './brief.schema.ts';
import { type BriefInput, type BriefParty, buildBrief, type MeetingCandidate } from './build-brief.ts';

const MEDIA_TYPES: Record<BriefFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const partyNotFound = (id: string) =>
  new AppError('not_found', `party ${id} is not a party of this process`, {
    problems: [{ field: 'query.party', reason: 'is not a party of this process' }],
  });

/**
 * Exports a negotiation brief for one party (or, for the mediator team, every party): the text the
 * reader holds with each point's stances, the open amendments and the next meetings, only as far
 * as the reader may read them. Audited as `brief.export`; a party's brief carries a version's text,
 * so that text leaves marked for the reader like any version export, and the audit entry names the
 * copy. The mediator team's brief is built on the working draft, its own text, and leaves unmarked.
 */
export async function exportBrief(
  database: Database,
  actor: Actor,
  planId: string,
  format: BriefFormat,
  partyRef: string | undefined,
  now: Date = new Date(),
) {
  const built = await database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const mediator = can(viewer, 'draft.read');
    const ownParty = viewer.membership?.partyId ?? '';
    const ref = partyRef ?? (mediator ? 'all' : ownParty);
    const parties = (await listParties(tx, plan.process_id)).map(
      (p): BriefParty => ({ id: p.id, name: p.name, code: p.code, kind: p.kind, colour: p.colour }),
    );
    const target = ref === 'all' ? null : parties.find((p) => p.id === ref);
    // Another party's brief is refused before its existence is looked at, so that a party member
    // learns nothing from the difference between an unknown and a known party id.
    authorize(viewer, 'brief.export', () => planNotFound(planId), target === null ? {} : { partyId: ref });
    if (target === undefined) throw partyNotFound(ref);
    const process = await findProcess(tx, plan.process_id);

    let text: BriefInput['text'];
    let fingerprintId: string | null = null;
    if (mediator) {
      text = { content: draftOf(plan), label: 'Working draft', versionId: null, contentHash: null };
    } else {
      // Never anything newer than the newest version the reader's party holds.
      const held = await newestVersionHeldBy(tx, planId, ownParty);
      if (!held || !can(viewer, 'version.read', { releasedTo: [ownParty] })) throw planNotFound(planId);
      const copy = await markCopyFor(
        tx,
        {
          processId: plan.process_id,
          planId,
          versionId: held.id,
          partyId: ownParty,
          userId: actor.user.id,
          channel: format,
        },
        JSON.parse(held.content) as PlanContent,
        now,
      );
      fingerprintId = copy.fingerprintId;
      text = { content: copy.content, label: held.label, versionId: held.id, contentHash: held.content_hash };
    }
    const targetHolds =
      mediator && target ? ((await newestVersionHeldBy(tx, planId, target.id)) ?? null) : null;
    const recordParties = target ? [target.id] : mediator ? null : [ownParty];
    const [positions, amendments, meetings] = await Promise.all([
      listBriefPositions(tx, planId, recordParties),
      listOpenAmendments(tx, planId, recordParties),
      upcomingMeetings(tx, plan.process_id, now),
    ]);
    const brief = buildBrief({
      viewer,
      target,
      reader: { name: actor.user.name, party: parties.find((p) => p.id === ownParty) },
      processTitle: process?.title ?? '',
      text,
      targetHolds: targetHolds && { label: targetHolds.label, releasedAt: targetHolds.released_at },
      parties,
      positions: positions.map((p) => ({
        id: p.id,
        partyId: p.party_id,
        pointId: p.point_id,
        versionLabel: p.version_label,
        stance: p.stance,
        priority: p.priority,
        rationale: p.rationale,
        rationaleShared: p.rationale_shared === 1,
        recordedAt: p.recorded_at,
      })),
      amendments: amendments.map((a) => ({
        id: a.id,
        partyId: a.party_id,
        kind: a.kind,
        pointId: a.point_id,
        afterPointId: a.after_point_id ?? null,
        baseLabel: a.base_label,
        baseContent: JSON.parse(a.base_content) as PlanContent,
        text: a.text,
        rationale: a.rationale,
        state: a.state,
        submittedAt: a.submitted_at ?? null,
        createdAt: a.created_at,
      })),
      meetings,
      preparedAt: now,
    });
    await appendAudit(
      tx,
      {
        processId: plan.process_id,
        actorId: actor.user.id,
        action: 'brief.export',
        subjectType: text.versionId ? 'version' : 'plan',
        subjectId: text.versionId ?? planId,
        detail: {
          planId,
          ...(text.versionId
            ? { versionId: text.versionId, label: text.label }
            : { revision: plan.draft_revision }),
          ...(target ? { partyId: target.id } : { scope: 'all' }),
          format,
          fingerprintId,
        },
      },
      now,
    );
    return { brief, fingerprintId, title: text.versionId ? text.content.title : plan.title };
  });
  const { brief } = built;
  const body =
    format === 'docx'
      ? await (await import('../../formats/export/brief-docx.ts')).briefToDocx(brief)
      : await (await import('../../formats/export/brief-pdf.ts')).briefToPdf(brief);
  const who = brief.stanceParties.length === 1 ? (brief.stanceParties[0]?.code ?? '') : 'all';
  return {
    fileName: `${fileStem(`Brief ${built.title}`, `${who} ${brief.context.versionLabel ?? 'draft'}`)}.${format}`,
    mediaType: MEDIA_TYPES[format],
    body,
    fingerprintId: built.fingerprintId,
  };
}

/** Meetings not yet over, each with the parties taking part. */
async function upcomingMeetings(tx: Tx, processId: string, now: Date): Promise<MeetingCandidate[]> {
  const meetings = await listUpcomingMeetings(tx, processId, now.toISOString());
  const rows = await listParticipantParties(
    tx,
    meetings.map((m) => m.id),
  );
  return meetings.map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    timeZone: m.time_zone,
    placeKind: m.place_kind,
    place: m.place,
    status: m.status,
    partyIds: [...new Set(rows.filter((r) => r.meeting_id === m.id && r.party_id).map((r) => r.party_id!))],
  }));
}
