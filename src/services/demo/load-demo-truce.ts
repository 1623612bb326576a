import { DateTime } from 'luxon';
import { DEMO_PHASES, DEMO_TRUCE_TIMING } from '../../demo/demo-monitoring.ts';
import { DEMO_TRUCE } from '../../demo/demo-truce.ts';
import { localToUtc } from '../../domain/meetings/meeting-time.ts';
import { contentHash } from '../../domain/plans/content-hash.ts';
import type { PlanContent, Point } from '../../domain/plans/plan.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import { insertPhases } from '../../store/monitoring/agreement-phases.repository.ts';
import { replaceSignatures } from '../../store/monitoring/agreement-signatures.repository.ts';
import { insertAgreement } from '../../store/monitoring/agreements.repository.ts';
import { insertPlan, insertVersion } from '../../store/plans/plans.repository.ts';
import { insertReleases } from '../../store/releases/releases.repository.ts';
import type { DemoContext } from './demo-context.ts';

const MEDIATOR = 'envoy@envoy.example';
const PARTIES_HOLDING = ['veloria', 'karst', 'bcc', 'ccv'];

/** The signed truce as written, with its agreement; what the monitoring loader builds on. */
export interface DemoTruce {
  agreementId: string;
  versionId: string;
  content: PlanContent;
  /** Point ids by the demo's point key. */
  pointIds: ReadonlyMap<string, string>;
  phaseIds: readonly string[];
  /** Entry into force (UTC) and the instant `day` days after it. */
  entryIntoForceAt: string;
  afterEntry(day: number): string;
}

function truceContent(): { content: PlanContent; pointIds: Map<string, string> } {
  const pointIds = new Map<string, string>();
  const points: Point[] = [];
  const areas = DEMO_TRUCE.areas.map((area) => {
    const areaId = newId('area');
    for (const p of area.points) {
      const id = newId('pt');
      pointIds.set(p.key, id);
      points.push({
        id,
        number: String(points.length + 1),
        areaId,
        text: p.text,
        items: p.items ?? [],
        tags: p.tags,
        status: p.status ?? 'agreed',
        derivedFrom: [],
        changedAt: 0,
      });
    }
    return { id: areaId, title: area.title };
  });
  return {
    content: { title: DEMO_TRUCE.title, preamble: DEMO_TRUCE.preamble, areas, points, notes: [] },
    pointIds,
  };
}

/** Writes the truce as a second plan of the demo process, its signed version released to every party, and adopts it. */
export async function loadDemoTruce(ctx: DemoContext): Promise<DemoTruce> {
  const { tx, processId } = ctx;
  const mediatorId = ctx.userIds.get(MEDIATOR) ?? '';
  const party = (key: string) => ctx.partyIds.get(key) ?? '';
  const { content, pointIds } = truceContent();
  const signedAt = ctx.at(DEMO_TRUCE_TIMING.signedDaysAgo);
  const planId = newId('pln');
  await insertPlan(tx, {
    id: planId,
    process_id: processId,
    title: content.title,
    draft_content: JSON.stringify(content),
    draft_revision: 0,
    point_count: content.points.length,
    // Drafted in the day before signature, after the framework's first draft: listed second.
    created_at: ctx.at(DEMO_TRUCE_TIMING.signedDaysAgo + 1),
    created_by: mediatorId,
    updated_at: signedAt,
    updated_by: mediatorId,
  });
  const versionId = newId('ver');
  const hash = contentHash(content);
  await insertVersion(tx, {
    id: versionId,
    plan_id: planId,
    seq: 1,
    label: 'Signed text',
    title: content.title,
    note: 'As signed by both parties and witnessed by the Special Envoy.',
    content: JSON.stringify(content),
    content_hash: hash,
    point_count: content.points.length,
    author_id: mediatorId,
    created_at: signedAt,
  });
  const audit = (
    action: string,
    subjectType: string,
    subjectId: string,
    detail: Record<string, unknown>,
    at: string,
  ) =>
    appendAudit(tx, { processId, actorId: mediatorId, action, subjectType, subjectId, detail }, new Date(at));
  await audit(
    'version.cut',
    'version',
    versionId,
    { planId, label: 'Signed text', hash, demo: true },
    signedAt,
  );
  for (const key of PARTIES_HOLDING) {
    await insertReleases(tx, [
      {
        id: newId('rel'),
        process_id: processId,
        plan_id: planId,
        version_id: versionId,
        party_id: party(key),
        released_at: signedAt,
        released_by: mediatorId,
        channel: 'signing ceremony',
        note: '',
      },
    ]);
    await audit(
      'version.release',
      'version',
      versionId,
      { planId, label: 'Signed text', partyId: party(key), channel: 'signing ceremony', demo: true },
      signedAt,
    );
  }

  const { zone, entryIntoForceTime } = DEMO_TRUCE_TIMING;
  const day = DateTime.fromISO(ctx.at(DEMO_TRUCE_TIMING.entryIntoForceDaysAgo), { zone: 'utc' }).setZone(
    zone,
  );
  const entryLocal = `${day.toFormat('yyyy-LL-dd')}T${entryIntoForceTime}`;
  const entryIntoForceAt = localToUtc(entryLocal, zone);
  const agreementId = newId('agr');
  const signedOn = signedAt.slice(0, 10);
  await insertAgreement(tx, {
    id: agreementId,
    process_id: processId,
    plan_id: planId,
    version_id: versionId,
    title: 'Orlen Valley truce',
    adopted_on: signedOn,
    entry_into_force_local: entryLocal,
    entry_into_force_zone: zone,
    entry_into_force_at: entryIntoForceAt,
    created_by: mediatorId,
    created_at: signedAt,
    updated_at: signedAt,
    revision: 1,
  });
  await replaceSignatures(tx, agreementId, [
    {
      id: newId('sig'),
      agreement_id: agreementId,
      party_id: party('veloria'),
      kind: 'signature',
      signed_on: signedOn,
    },
    {
      id: newId('sig'),
      agreement_id: agreementId,
      party_id: party('karst'),
      kind: 'signature',
      signed_on: signedOn,
    },
    {
      id: newId('sig'),
      agreement_id: agreementId,
      party_id: party('bcc'),
      kind: 'endorsement',
      signed_on: signedOn,
    },
  ]);
  const phaseIds = DEMO_PHASES.map(() => newId('phs'));
  await insertPhases(
    tx,
    DEMO_PHASES.map((p, i) => ({
      id: phaseIds[i] ?? '',
      agreement_id: agreementId,
      position: i + 1,
      name: p.name,
      description: p.description,
    })),
  );
  await audit(
    'agreement.create',
    'agreement',
    agreementId,
    { versionId, label: 'Signed text', demo: true },
    signedAt,
  );
  const eif = Date.parse(entryIntoForceAt);
  return {
    agreementId,
    versionId,
    content,
    pointIds,
    phaseIds,
    entryIntoForceAt,
    afterEntry: (d: number) => new Date(eif + d * 86_400_000).toISOString(),
  };
}
