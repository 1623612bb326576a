import { historyOf, stanceByVersion } from '../../domain/negotiation/stance-history.ts';
import { AppError, invalid } from '../../domain/shared/app-error.ts';
import type { Database } from '../../store/database.ts';
import { positionHistory } from '../../store/negotiation/positions.repository.ts';
import { findParty } from '../../store/processes/processes.repository.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan, planNotFound } from '../plans/plan-access.ts';
import { asEntry, presentPosition } from './position-presenter.ts';
import { excerptOf, findReadablePoint, readerTexts } from './positions-access.ts';

/**
 * One party's stance on one point through time: every recorded position (oldest first) and, per
 * version, the stance it stood at then and how it moved. A party reads its own history, the mediator
 * every party's; rationales as in the matrix.
 */
export async function getPositionHistory(
  database: Database,
  actor: Actor,
  planId: string,
  pointId: string,
  partyId: string,
) {
  const db = database.db;
  const { plan, viewer } = await loadReadablePlan(db, actor, planId);
  authorize(viewer, 'position.read', () => planNotFound(planId), { partyId });
  const [texts, party] = await Promise.all([
    readerTexts(db, viewer, plan),
    findParty(db, plan.process_id, partyId),
  ]);
  if (!party) throw new AppError('not_found', `party ${partyId} is not a party of this process`);
  const found = findReadablePoint(texts, pointId);
  if (!found) throw invalid('query.pointId', 'is not a point of any text of this plan you hold');
  const rows = (await positionHistory(db, planId, pointId, partyId)).filter((r) =>
    texts.versionSeq.has(r.version_id),
  );
  const entries = historyOf(rows.map(asEntry), pointId, partyId);
  return {
    point: {
      id: found.point.id,
      number: found.point.number,
      excerpt: excerptOf(found.point.text, 240),
      shownIn: found.text.label,
    },
    party: { id: party.id, name: party.name, code: party.code, colour: party.colour },
    entries: entries.map((e) => presentPosition(viewer, e.row, texts.labelOf)),
    byVersion: stanceByVersion(entries, texts.versionSeq).map((step) => ({
      move: step.move,
      position: presentPosition(viewer, step.position.row, texts.labelOf),
    })),
  };
}
