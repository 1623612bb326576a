import { can } from '../../domain/access/policies.ts';
import {
  cellKey,
  contestWeight,
  currentPositions,
  isContested,
  type Stance,
} from '../../domain/negotiation/stance-history.ts';
import { areaTitleOf, type Point } from '../../domain/plans/plan.ts';
import { DEFAULT_TAXONOMY } from '../../domain/plans/taxonomy.ts';
import type { Database } from '../../store/database.ts';
import { listPositions } from '../../store/negotiation/positions.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import { asEntry, type PresentedPosition, presentPosition } from './position-presenter.ts';
import { excerptOf, type ReaderText, readerTexts, visibleParties } from './positions-access.ts';

/**
 * The positions matrix: the points of the reader's reference text (the working draft for the
 * mediator team, the newest version a party holds for everyone else) × the parties whose positions
 * the reader may see (every negotiating party for the mediator, only its own party for a party's
 * members). Each cell is the current stance with its priority, the version it was stated on and
 * when; the rationale only where the reader may read it. Points that have left the reference text
 * but still carry a stance follow at the end. Contested points come first, most contested on top.
 */
export async function getPositionsMatrix(database: Database, actor: Actor, planId: string) {
  const db = database.db;
  const { plan, viewer } = await loadReadablePlan(db, actor, planId);
  const [texts, parties] = await Promise.all([
    readerTexts(db, viewer, plan),
    visibleParties(db, viewer, plan.process_id),
  ]);
  const partyIds = new Set(parties.map((p) => p.id));
  const rows = (await listPositions(db, planId, texts.mediator ? undefined : texts.partyId)).filter(
    (r) => partyIds.has(r.party_id) && texts.versionSeq.has(r.version_id),
  );
  const current = currentPositions(rows.map(asEntry));

  const reference = texts.reference;
  const listed: { point: Point; text: ReaderText; inReference: boolean }[] = reference.content.points.map(
    (point) => ({ point, text: reference, inReference: true }),
  );
  // Points the reference no longer has (deleted, merged), as the newest text holding them shows them.
  const seen = new Set(listed.map((l) => l.point.id));
  const withPositions = new Set(rows.map((r) => r.point_id));
  for (const text of [...texts.versions].reverse()) {
    for (const point of text.content.points) {
      if (seen.has(point.id) || !withPositions.has(point.id)) continue;
      seen.add(point.id);
      listed.push({ point, text, inReference: false });
    }
  }
  // A delegate records against the newest version its party holds; so do the matrix's form rows.
  const newest = texts.versions.at(-1);
  const recordable = new Set(
    !texts.mediator && newest && can(viewer, 'position.write', { partyId: texts.partyId })
      ? newest.content.points.map((p) => p.id)
      : [],
  );

  const points = listed.map(({ point, text, inReference }, order) => {
    const cells: Record<string, PresentedPosition | null> = {};
    const stances: Stance[] = [];
    for (const party of parties) {
      const position = current.get(cellKey(point.id, party.id));
      cells[party.id] = position ? presentPosition(viewer, position.row, texts.labelOf) : null;
      if (position) stances.push(position.stance);
    }
    return {
      id: point.id,
      number: point.number,
      areaId: point.areaId,
      area: areaTitleOf(text.content, point),
      excerpt: excerptOf(point.text),
      tags: point.tags,
      status: point.status,
      inReference,
      shownIn: text.label,
      recordable: recordable.has(point.id),
      contested: isContested(stances),
      weight: contestWeight(stances),
      order,
      cells,
    };
  });
  points.sort(
    (a, b) =>
      Number(b.contested) - Number(a.contested) ||
      (a.contested ? b.weight - a.weight : 0) ||
      a.order - b.order,
  );

  const tagKeys = [...new Set(points.flatMap((p) => p.tags))];
  const label = new Map(DEFAULT_TAXONOMY.map((t) => [t.key, t.label]));
  return {
    plan: {
      id: plan.id,
      processId: plan.process_id,
      title: texts.mediator ? plan.title : reference.content.title,
    },
    viewer: viewer.membership,
    reference: { versionId: reference.versionId, label: reference.label },
    recordOn: recordable.size > 0 && newest ? { versionId: newest.versionId, label: newest.label } : null,
    versions: texts.versions.map((v) => ({ id: v.versionId, label: v.label, seq: v.seq })),
    parties,
    areas: reference.content.areas,
    tags: tagKeys.map((key) => ({ key, label: label.get(key) ?? key })),
    points: points.map(({ weight: _w, order: _o, ...p }) => p),
  };
}
