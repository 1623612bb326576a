import {
  currentPositions,
  movesByParty,
  STANCES,
  type Stance,
} from '../../domain/negotiation/stance-history.ts';
import type { Database } from '../../store/database.ts';
import { countAmendmentsByState, listPositions } from '../../store/negotiation/positions.repository.ts';
import type { AmendmentState } from '../../store/schema.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import { asEntry } from './position-presenter.ts';
import { readerTexts, visibleParties } from './positions-access.ts';

const AMENDMENT_BUCKETS: Partial<
  Record<AmendmentState, 'accepted' | 'partlyAccepted' | 'rejected' | 'open' | 'withdrawn'>
> = {
  accepted: 'accepted',
  partly_accepted: 'partlyAccepted',
  rejected: 'rejected',
  submitted: 'open',
  withdrawn: 'withdrawn',
};

/**
 * "How far each side is heard": per party, how its amendments put to the mediator fared (taken in
 * fully or partly, rejected, still open, withdrawn) and how its stances moved across versions
 * (towards support, away from it, unchanged), with where it stands now on the reference text.
 * A party's members get their own party's row; the mediator team every negotiating party's.
 */
export async function getPartySummary(database: Database, actor: Actor, planId: string) {
  const db = database.db;
  const { plan, viewer } = await loadReadablePlan(db, actor, planId);
  const [texts, parties] = await Promise.all([
    readerTexts(db, viewer, plan),
    visibleParties(db, viewer, plan.process_id),
  ]);
  const own = texts.mediator ? undefined : texts.partyId;
  const [rows, amendmentCounts] = await Promise.all([
    listPositions(db, planId, own),
    countAmendmentsByState(db, planId, own),
  ]);
  const entries = rows.filter((r) => texts.versionSeq.has(r.version_id)).map(asEntry);
  const moves = movesByParty(entries, texts.versionSeq);
  const current = [...currentPositions(entries).values()];
  const referencePoints = new Set(texts.reference.content.points.map((p) => p.id));

  return {
    plan: { id: plan.id, processId: plan.process_id },
    reference: { versionId: texts.reference.versionId, label: texts.reference.label },
    parties: parties.map((party) => {
      const amendments = { accepted: 0, partlyAccepted: 0, rejected: 0, open: 0, withdrawn: 0 };
      for (const c of amendmentCounts) {
        const bucket = AMENDMENT_BUCKETS[c.state as AmendmentState];
        if (c.partyId === party.id && bucket) amendments[bucket] += c.count;
      }
      const stances = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
      for (const p of current)
        if (p.partyId === party.id && referencePoints.has(p.pointId)) stances[p.stance]++;
      return {
        party,
        amendments,
        moves: moves.get(party.id) ?? { towards: 0, away: 0, unchanged: 0 },
        stances,
      };
    }),
  };
}
