import type { AmendmentState } from '../../../src/domain/negotiation/amendment-workflow.ts';
import { newId } from '../../../src/domain/shared/ids.ts';
import { insertAmendment } from '../../../src/store/negotiation/amendments.repository.ts';
import {
  type MatrixCase,
  type MatrixFixture,
  next,
  partyOf,
  type Sample,
  userIdOf,
} from '../authorization-cases.ts';
import { oncePerFixture, ownEmail, VELORIA } from './sample-records.ts';

const KARST = 'lead@karst.example';

/** Writes an amendment straight to the store: a replacement of the shared point of Draft 2. */
async function writeAmendment(fx: MatrixFixture, email: string, state: AmendmentState): Promise<string> {
  const id = newId('amd');
  const now = new Date().toISOString();
  await insertAmendment(fx.ctx.database.db, {
    id,
    process_id: fx.processId,
    plan_id: fx.planId,
    party_id: await partyOf(fx, email),
    base_version_id: fx.released.id,
    kind: 'replace',
    point_id: fx.sharedPointId,
    text: `Matrix amendment ${next()}.`,
    rationale: '',
    state,
    reply: '',
    source: 'manual',
    author_id: await userIdOf(fx, email),
    created_at: now,
    updated_at: now,
    submitted_at: state === 'draft' ? null : now,
    revision: 1,
  });
  return id;
}

/** Veloria's draft, written once per fixture: "another party's" for everyone, the mediator included. */
const otherDraft = oncePerFixture((fx) => writeAmendment(fx, VELORIA, 'draft'));

/**
 * A fresh amendment of the asker's party in `state` (for the mediator team, which proposes none, a
 * Veloria one already submitted to it); another party's draft for "other" and for the outsider.
 */
async function amendmentFor(fx: MatrixFixture, c: MatrixCase, state: AmendmentState): Promise<string> {
  const email = ownEmail(c);
  if (email === null) return otherDraft(fx);
  if (c.role === 'mediator' || c.role === 'read-only token') return writeAmendment(fx, VELORIA, 'submitted');
  return writeAmendment(fx, email, state);
}

const base = (fx: MatrixFixture) => `/api/v1/plans/${fx.planId}/amendments`;

/**
 * Amendments. "Own" is an amendment of the asker's party (for the mediator, one submitted to it);
 * "other" is Veloria's draft, which nobody else may know of: every route about it is "not found".
 * A decision is the mediator's whatever the party: it gets a fresh submitted Karst amendment.
 */
export const AMENDMENTS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/plans/:planId/amendments': async (fx, c) =>
    c.note === 'other' ? null : { method: 'GET', url: base(fx) },
  'POST /api/v1/plans/:planId/amendments': async (fx, c) =>
    c.note === 'other'
      ? null
      : {
          method: 'POST',
          url: base(fx),
          payload: {
            kind: 'replace',
            baseVersionId: fx.released.id,
            pointId: fx.sharedPointId,
            text: `Matrix proposal ${next()}.`,
          },
        },
  'POST /api/v1/plans/:planId/amendments/submit': async (fx, c) =>
    c.note === 'other'
      ? null
      : { method: 'POST', url: `${base(fx)}/submit`, payload: { ids: [await amendmentFor(fx, c, 'draft')] } },
  'GET /api/v1/plans/:planId/amendments/:amendmentId': async (fx, c) => ({
    method: 'GET',
    url: `${base(fx)}/${await amendmentFor(fx, c, 'submitted')}`,
  }),
  'PATCH /api/v1/plans/:planId/amendments/:amendmentId': async (fx, c) => ({
    method: 'PATCH',
    url: `${base(fx)}/${await amendmentFor(fx, c, 'draft')}`,
    payload: { text: `Matrix rewrite ${next()}.` },
  }),
  'POST /api/v1/plans/:planId/amendments/:amendmentId/submit': async (fx, c) => ({
    method: 'POST',
    url: `${base(fx)}/${await amendmentFor(fx, c, 'draft')}/submit`,
    payload: {},
  }),
  'POST /api/v1/plans/:planId/amendments/:amendmentId/withdraw': async (fx, c) => ({
    method: 'POST',
    url: `${base(fx)}/${await amendmentFor(fx, c, 'submitted')}/withdraw`,
    payload: {},
  }),
  'POST /api/v1/plans/:planId/amendments/:amendmentId/decision': async (fx, c) => ({
    method: 'POST',
    url: `${base(fx)}/${c.role === 'mediator' || c.note === 'own' ? await writeAmendment(fx, KARST, 'submitted') : await otherDraft(fx)}/decision`,
    payload: { decision: 'accept', text: `Matrix accepted ${next()}.`, reply: 'Taken in.' },
  }),
};
