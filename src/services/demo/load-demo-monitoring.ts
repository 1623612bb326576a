import { type DemoEvent, demoEvents } from '../../demo/demo-events.ts';
import { DEMO_AID_CONVOYS, DEMO_COMMITMENTS, DEMO_TRUCE_TIMING } from '../../demo/demo-monitoring.ts';
import { DEMO_ZONES } from '../../demo/demo-zones.ts';
import { startOfPeriod } from '../../domain/monitoring/event-import/event-dates.ts';
import { eventDedupeKey } from '../../domain/monitoring/event-import/event-dedupe.ts';
import type { EventStatus } from '../../domain/monitoring/monitoring-model.ts';
import { parseZones } from '../../domain/monitoring/zones/parse-zones.ts';
import { newId } from '../../domain/shared/ids.ts';
import { insertCommitmentParties } from '../../store/monitoring/commitment-parties.repository.ts';
import { insertProgress } from '../../store/monitoring/commitment-progress.repository.ts';
import { insertScore } from '../../store/monitoring/commitment-scores.repository.ts';
import { insertCommitments } from '../../store/monitoring/commitments.repository.ts';
import { insertEventLink } from '../../store/monitoring/event-commitment-links.repository.ts';
import { type EventReportRow, insertEventReports } from '../../store/monitoring/event-reports.repository.ts';
import {
  type EventStatusHistoryRow,
  insertEventStatusHistory,
} from '../../store/monitoring/event-status-history.repository.ts';
import { insertZones } from '../../store/monitoring/zones.repository.ts';
import type { DemoContext } from './demo-context.ts';
import { type DemoTruce, loadDemoTruce } from './load-demo-truce.ts';

const MEDIATOR = 'envoy@envoy.example';
const MONITOR = 'monitor@ccv.example';
const DELEGATE = { veloria: 'lead@veloria.example', karst: 'lead@karst.example' } as const;
const HOUR = 3_600_000;

/**
 * The demo's implementation monitoring: the signed truce adopted as an agreement, its commitments
 * with progress and scores, a few hundred event reports with their verification, and the zones.
 */
export async function loadDemoMonitoring(ctx: DemoContext): Promise<void> {
  const truce = await loadDemoTruce(ctx);
  const events = await loadEvents(ctx, truce);
  await loadCommitments(ctx, truce, events);
  await loadZones(ctx, truce);
}

/** The statuses a report went through, each a few hours to a day after the one before. */
function statusPath(final: EventStatus): EventStatus[] {
  if (final === 'received') return ['received'];
  if (final === 'under_investigation') return ['received', 'under_investigation'];
  if (final === 'dismissed') return ['received', 'dismissed'];
  return ['received', 'under_investigation', final];
}

/** Writes the event reports; returns the ids of those commitments cite, by key. */
async function loadEvents(ctx: DemoContext, truce: DemoTruce): Promise<Map<string, string>> {
  const now = ctx.now.getTime();
  const monitorId = ctx.userIds.get(MONITOR) ?? '';
  const keyed = new Map<string, string>();
  const rows: EventReportRow[] = [];
  const history: EventStatusHistoryRow[] = [];
  for (const e of demoEvents(DEMO_TRUCE_TIMING.entryIntoForceDaysAgo)) {
    const occurred = startOfPeriod(Date.parse(truce.afterEntry(e.day)), e.precision);
    // Later steps of the verification only if they have happened by the demo's "now".
    const steps = statusPath(e.status)
      .map((status, i) => ({ status, at: occurred + (2 + i * 14) * HOUR }))
      .filter((s) => s.at < now);
    const status = steps[steps.length - 1]?.status ?? 'received';
    const id = newId('evt');
    if (e.key) keyed.set(e.key, id);
    const reporter = e.filedBy ? (ctx.userIds.get(DELEGATE[e.filedBy]) ?? monitorId) : monitorId;
    const attributed =
      e.attributedTo && (status === 'verified' || status === 'unverified') ? e.attributedTo : null;
    const row = eventRow(ctx, e, id, new Date(occurred).toISOString(), status, reporter, attributed);
    rows.push(row);
    for (const step of steps.length > 0 ? steps : [{ status: 'received' as const, at: occurred }]) {
      history.push({
        id: newId('esh'),
        event_report_id: id,
        status: step.status,
        attributed_party_id: step.status === status ? row.attributed_party_id : null,
        note: step.status === 'verified' ? 'Confirmed by a CCV patrol on site.' : '',
        changed_by: step.status === 'received' ? reporter : monitorId,
        changed_at: new Date(step.at).toISOString(),
      });
    }
  }
  await insertEventReports(ctx.tx, rows);
  await insertEventStatusHistory(ctx.tx, history);
  return keyed;
}

function eventRow(
  ctx: DemoContext,
  e: DemoEvent,
  id: string,
  occurredAt: string,
  status: EventStatus,
  reporter: string,
  attributedTo: 'veloria' | 'karst' | null,
): EventReportRow {
  const at = new Date(Date.parse(occurredAt) + 2 * HOUR).toISOString();
  return {
    id,
    process_id: ctx.processId,
    external_id: null,
    dedupe_key: eventDedupeKey({
      externalId: null,
      occurredAt,
      timePrecision: e.precision,
      placeName: e.place,
      latitude: e.lat,
      longitude: e.lon,
      geoPrecision: e.geoPrecision,
      eventType: e.type,
      subEventType: e.subType,
      actor1: e.actor1,
      actor2: e.actor2,
      fatalities: e.fatalities,
      description: e.description,
      source: e.source,
      sourceReliability: e.reliability,
      infoCredibility: e.credibility,
      status,
    }),
    occurred_at: occurredAt,
    time_precision: e.precision,
    place_name: e.place,
    latitude: Math.round(e.lat * 1e5) / 1e5,
    longitude: Math.round(e.lon * 1e5) / 1e5,
    geo_precision: e.geoPrecision,
    event_type: e.type,
    sub_event_type: e.subType,
    actor1: e.actor1,
    actor2: e.actor2,
    fatalities: e.fatalities,
    description: e.description,
    source: e.source,
    source_reliability: e.reliability,
    info_credibility: e.credibility,
    status,
    attributed_party_id: attributedTo ? (ctx.partyIds.get(attributedTo) ?? null) : null,
    reported_by_party_id: e.filedBy ? (ctx.partyIds.get(e.filedBy) ?? null) : null,
    reported_by: reporter,
    import_id: null,
    created_at: at,
    updated_at: at,
    revision: 1,
  };
}

async function loadCommitments(
  ctx: DemoContext,
  truce: DemoTruce,
  events: Map<string, string>,
): Promise<void> {
  const mediatorId = ctx.userIds.get(MEDIATOR) ?? '';
  const monitorId = ctx.userIds.get(MONITOR) ?? '';
  const ids = new Map(DEMO_COMMITMENTS.map((c) => [c.pointKey, newId('cmt')]));
  const created = ctx.at(DEMO_TRUCE_TIMING.signedDaysAgo - 1);
  await insertCommitments(
    ctx.tx,
    DEMO_COMMITMENTS.map((c, i) => ({
      id: ids.get(c.pointKey) ?? '',
      process_id: ctx.processId,
      agreement_id: truce.agreementId,
      point_id: truce.pointIds.get(c.pointKey) ?? null,
      sub_item: null,
      position: i + 1,
      title: c.title,
      description: truce.content.points.find((p) => p.id === truce.pointIds.get(c.pointKey))?.text ?? '',
      phase_id: truce.phaseIds[c.phase] ?? null,
      deadline_kind: c.deadline.afterKey ? 'after_commitment' : 'after_entry_into_force',
      deadline_local: null,
      deadline_zone: null,
      deadline_at: null,
      offset_amount: c.deadline.amount,
      offset_unit: c.deadline.unit,
      anchor_commitment_id: c.deadline.afterKey ? (ids.get(c.deadline.afterKey) ?? null) : null,
      target_quantity: c.target?.quantity ?? null,
      target_unit: c.target?.unit ?? null,
      verification_method: c.verification,
      created_by: mediatorId,
      created_at: created,
      updated_at: created,
      revision: 1,
    })),
  );
  await insertCommitmentParties(
    ctx.tx,
    DEMO_COMMITMENTS.flatMap((c) =>
      c.partyKeys.map((key) => ({
        commitment_id: ids.get(c.pointKey) ?? '',
        party_id: ctx.partyIds.get(key) ?? '',
      })),
    ),
  );
  const linked = new Set<string>();
  const link = async (eventId: string, commitmentId: string, at: string) => {
    if (linked.has(`${eventId}:${commitmentId}`)) return;
    linked.add(`${eventId}:${commitmentId}`);
    await insertEventLink(ctx.tx, {
      event_report_id: eventId,
      commitment_id: commitmentId,
      created_by: monitorId,
      created_at: at,
    });
  };
  for (const c of DEMO_COMMITMENTS) {
    const commitmentId = ids.get(c.pointKey) ?? '';
    const progress = [
      ...c.progress,
      ...(c.pointKey === 'aid-trucks'
        ? DEMO_AID_CONVOYS.map(([day, trucks], i) => ({
            day,
            kind: 'progress' as const,
            quantity: trucks,
            note: `${trucks} trucks logged at Vesk.`,
            eventKey: `convoy-${i + 1}`,
          }))
        : []),
    ];
    for (const p of progress) {
      const at = truce.afterEntry(p.day);
      const eventId = p.eventKey ? (events.get(p.eventKey) ?? null) : null;
      await insertProgress(ctx.tx, {
        id: newId('prg'),
        commitment_id: commitmentId,
        occurred_at: at,
        kind: p.kind,
        quantity: p.quantity ?? null,
        note: p.note,
        event_report_id: eventId,
        recorded_by: monitorId,
        recorded_at: truce.afterEntry(p.day + 0.2),
      });
      if (eventId) await link(eventId, commitmentId, truce.afterEntry(p.day + 0.2));
    }
    for (const s of c.scores) {
      await insertScore(ctx.tx, {
        id: newId('scr'),
        commitment_id: commitmentId,
        score: s.score,
        justification: s.justification,
        evidence: JSON.stringify(s.evidence),
        event_report_ids: '[]',
        effective_at: truce.afterEntry(s.day),
        recorded_by: monitorId,
        recorded_at: truce.afterEntry(s.day),
      });
    }
  }
}

async function loadZones(ctx: DemoContext, truce: DemoTruce): Promise<void> {
  const mediatorId = ctx.userIds.get(MEDIATOR) ?? '';
  const parsed = parseZones({
    type: 'FeatureCollection',
    features: DEMO_ZONES.map((z) => ({
      type: 'Feature',
      properties: { name: z.name, kind: z.kind },
      geometry: z.geometry,
    })),
  });
  if (!parsed.ok) throw new Error(`demo zones: ${parsed.problems.map((p) => p.message).join('; ')}`);
  await insertZones(
    ctx.tx,
    parsed.items.map((zone, i) => ({
      id: newId('zon'),
      process_id: ctx.processId,
      agreement_id: truce.agreementId,
      point_id: truce.pointIds.get(DEMO_ZONES[i]?.pointKey ?? '') ?? null,
      name: zone.name,
      kind: zone.kind,
      geometry: JSON.stringify(zone.geometry),
      area_km2: zone.areaKm2,
      length_km: zone.lengthKm,
      created_by: mediatorId,
      created_at: ctx.at(DEMO_TRUCE_TIMING.signedDaysAgo),
    })),
  );
}
