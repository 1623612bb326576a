import type { AnalysisSetup } from '../../../src/web/analytics/api-types.ts';
import { type MatrixFixture, next, partyOf, type Sample } from '../authorization-cases.ts';
import { readDraft } from '../factories.ts';
import type { Client } from '../test-app.ts';
import { ownEmail, VELORIA } from './sample-records.ts';

const BCC = 'observer@bcc.example';
const KARST = 'lead@karst.example';

/**
 * The party a preferences case is about: the asker's own for "own"; for "other" a party whose
 * preferences the asker may not read — the guarantors' (sealed, even from the mediator), or
 * Veloria's when the asker is one of the guarantors.
 */
function preferencesPartyOf(fx: MatrixFixture, c: Parameters<Sample>[1]): Promise<string> {
  const own = ownEmail(c);
  if (own) return partyOf(fx, own);
  return partyOf(fx, c.role === 'observer' ? VELORIA : BCC);
}

/** A point of the working draft that no party holds (it is newer than Draft 3), for the setup writes. */
async function freshDraftPoint(fx: MatrixFixture): Promise<string> {
  const draft = await readDraft(fx.mediator, fx.planId);
  return draft.content.points.at(-1)!.id;
}

const clients = new WeakMap<MatrixFixture, Promise<Client>>();
/** Karst's delegate, signed in once per fixture: the one asker whose preference write succeeds. */
function karst(fx: MatrixFixture): Promise<Client> {
  let client = clients.get(fx);
  if (!client) {
    client = fx.ctx.signIn(KARST);
    clients.set(fx, client);
  }
  return client;
}

/** Valid preferences over the analysis points Karst holds: an even budget, every option scored. */
async function karstPreferences(fx: MatrixFixture) {
  const setup = (
    await (await karst(fx)).get(`/api/v1/plans/${fx.planId}/analysis/setup`)
  ).json() as AnalysisSetup;
  const n = setup.points.length;
  const weights = Object.fromEntries(
    setup.points.map((p, i) => [
      p.pointId,
      Math.floor(100 / n) + (i === 0 ? 100 - Math.floor(100 / n) * n : 0),
    ]),
  );
  const scores = Object.fromEntries(
    setup.points
      .filter((p) => !p.good)
      .map((p) => [p.pointId, Object.fromEntries(p.options.map((o) => [o.id, 50]))]),
  );
  // Karst holds preferences already: a save names the revision it replaces.
  const own = setup.parties[0]?.id ?? '';
  const current = (await (await karst(fx)).get(`/api/v1/plans/${fx.planId}/preferences/${own}`)).json() as {
    preferences: { revision: number } | null;
  };
  return {
    weights,
    scores,
    redLines: [],
    reservation: 10 + (next() % 20),
    sharedWithMediator: true,
    baseRevision: current.preferences?.revision,
  };
}

async function mediatorSetup(fx: MatrixFixture): Promise<AnalysisSetup> {
  return (await fx.mediator.get(`/api/v1/plans/${fx.planId}/analysis/setup`)).json() as AnalysisSetup;
}

const pointBody = () => ({
  good: false,
  options: [
    { label: `Matrix A ${next()}`, text: 'The Implementation Committee shall meet monthly.' },
    { label: `Matrix B ${next()}`, text: 'The Implementation Committee shall meet quarterly.' },
  ],
});

/** The analytics routes: setup, points and constraints (mediator), preferences (sealed), run and apply. */
export const ANALYTICS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/plans/:planId/analysis/setup': async (fx) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/analysis/setup`,
  }),
  'PUT /api/v1/plans/:planId/analysis/points/:pointId': async (fx) => ({
    method: 'PUT',
    url: `/api/v1/plans/${fx.planId}/analysis/points/${await freshDraftPoint(fx)}`,
    payload: pointBody(),
  }),
  // The point is put into the analysis first, so that removing it succeeds each time it is allowed.
  'DELETE /api/v1/plans/:planId/analysis/points/:pointId': async (fx) => {
    const pointId = await freshDraftPoint(fx);
    await fx.mediator.request({
      method: 'PUT',
      url: `/api/v1/plans/${fx.planId}/analysis/points/${pointId}`,
      payload: pointBody(),
    });
    return { method: 'DELETE', url: `/api/v1/plans/${fx.planId}/analysis/points/${pointId}` };
  },
  // The constraints as they stand, written back.
  'PUT /api/v1/plans/:planId/analysis/constraints': async (fx) => ({
    method: 'PUT',
    url: `/api/v1/plans/${fx.planId}/analysis/constraints`,
    payload: {
      constraints: (await mediatorSetup(fx)).constraints.map(({ kind, option, other }) => ({
        kind,
        option,
        other,
      })),
    },
  }),
  'GET /api/v1/plans/:planId/preferences/:partyId': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/preferences/${await preferencesPartyOf(fx, c)}`,
  }),
  'PUT /api/v1/plans/:planId/preferences/:partyId': async (fx, c) => ({
    method: 'PUT',
    url: `/api/v1/plans/${fx.planId}/preferences/${await preferencesPartyOf(fx, c)}`,
    payload: await karstPreferences(fx),
  }),
  'POST /api/v1/plans/:planId/analysis/run': async (fx) => ({
    method: 'POST',
    url: `/api/v1/plans/${fx.planId}/analysis/run`,
    payload: {},
  }),
  'POST /api/v1/plans/:planId/analysis/apply': async (fx) => {
    const setup = await mediatorSetup(fx);
    const point = setup.points.find((p) => !p.good && p.options.length > 0)!;
    const draft = await readDraft(fx.mediator, fx.planId);
    return {
      method: 'POST',
      url: `/api/v1/plans/${fx.planId}/analysis/apply`,
      payload: {
        choice: { [point.pointId]: point.options[next() % point.options.length]!.id },
        baseRevision: draft.revision,
      },
    };
  },
};
