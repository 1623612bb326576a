import { can, type Viewer } from '../../../domain/access/policies.ts';
import { nextEventStatuses } from '../../../domain/monitoring/event-verification.ts';
import type { EventStatus } from '../../../domain/monitoring/monitoring-model.ts';
import { holdersOfAgreements } from '../../../store/monitoring/agreements.repository.ts';
import { listEventLinks } from '../../../store/monitoring/event-commitment-links.repository.ts';
import {
  type EventReportRow,
  eventReporterNames,
} from '../../../store/monitoring/event-reports.repository.ts';
import { listEventStatusHistory } from '../../../store/monitoring/event-status-history.repository.ts';
import { listParties } from '../../../store/processes/processes.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { seesAllEvents } from './event-access.ts';

type PartyRef = { id: string; name: string; code: string; colour: string };

/**
 * Event reports as one reader sees them. The caller has checked that the reader may read each
 * report; within it, the commitments listed are those of agreements the reader may read, and the
 * member who filed it is named only to the mission and to that member's own party.
 */
export async function presentEventReports(
  tx: Tx,
  viewer: Viewer,
  processId: string,
  rows: readonly EventReportRow[],
) {
  const ids = rows.map((r) => r.id);
  const [parties, history, links, reporters] = await Promise.all([
    listParties(tx, processId),
    listEventStatusHistory(tx, ids),
    listEventLinks(tx, ids),
    eventReporterNames(
      tx,
      rows.map((r) => r.reported_by),
    ),
  ]);
  const holders = await holdersOfAgreements(tx, [...new Set(links.map((l) => l.agreement_id))]);
  const party = new Map<string, PartyRef>(
    parties.map((p) => [p.id, { id: p.id, name: p.name, code: p.code, colour: p.colour }]),
  );
  const partyRef = (id: string | null) => (id === null ? null : (party.get(id) ?? null));
  const mission = seesAllEvents(viewer);
  const ownParty = viewer.membership?.partyId ?? '';
  const mayVerify = can(viewer, 'event.verify');
  const of = <T extends { event_report_id: string }>(list: readonly T[], id: string) =>
    list.filter((x) => x.event_report_id === id);

  return rows.map((e) => {
    const namesReporter = mission || (e.reported_by_party_id !== null && e.reported_by_party_id === ownParty);
    return {
      id: e.id,
      processId: e.process_id,
      externalId: e.external_id,
      occurredAt: e.occurred_at,
      timePrecision: e.time_precision,
      placeName: e.place_name,
      latitude: e.latitude,
      longitude: e.longitude,
      geoPrecision: e.geo_precision,
      eventType: e.event_type,
      subEventType: e.sub_event_type,
      actor1: e.actor1,
      actor2: e.actor2,
      fatalities: e.fatalities,
      description: e.description,
      source: e.source,
      sourceReliability: e.source_reliability,
      infoCredibility: e.info_credibility,
      status: e.status,
      nextStatuses: mayVerify ? nextEventStatuses(e.status as EventStatus) : [],
      attributedParty: partyRef(e.attributed_party_id),
      reportedByParty: partyRef(e.reported_by_party_id),
      reportedBy: namesReporter ? { id: e.reported_by, name: reporters.get(e.reported_by) ?? '' } : null,
      importId: e.import_id,
      createdAt: e.created_at,
      updatedAt: e.updated_at,
      revision: e.revision,
      history: of(history, e.id).map((h, step) => ({
        id: h.id,
        status: h.status,
        attributedParty: partyRef(h.attributed_party_id),
        note: h.note,
        // The first step is the filing itself, made by whoever filed: it names them no more than
        // `reportedBy` does, or a verified allegation would tell every party which member of the
        // filing party's team filed it.
        changedBy:
          step === 0 && h.changed_by === e.reported_by && !namesReporter
            ? null
            : { id: h.changed_by, name: h.changed_by_name },
        changedAt: h.changed_at,
      })),
      links: of(links, e.id)
        .filter((l) => can(viewer, 'monitoring.read', { releasedTo: holders.get(l.agreement_id) ?? [] }))
        .map((l) => ({
          commitmentId: l.commitment_id,
          commitmentTitle: l.commitment_title,
          agreementId: l.agreement_id,
          linkedAt: l.created_at,
        })),
    };
  });
}

export type EventReportView = Awaited<ReturnType<typeof presentEventReports>>[number];
