import type { MatrixFixture, Sample } from '../authorization-cases.ts';
import { next } from '../authorization-cases.ts';

/**
 * A counter-text of Draft 2 (which every party of the matrix holds) with its first point reworded.
 * Both version cases use Draft 2: the version dimension of these routes is the base version, and a
 * base the party was never given is covered by the API tests (404, like a version that is not there).
 */
async function counterText(fx: MatrixFixture): Promise<string> {
  const draftTwo = (await fx.mediator.get(`/api/v1/plans/${fx.planId}/versions/${fx.released.id}`)).json()
    .content as { points: { text: string }[] };
  return draftTwo.points
    .map((p, k) => `${k + 1}. ${k === 0 ? `Matrix counter ${next()}: all parties shall agree.` : p.text}`)
    .join('\n\n');
}

/** An own-party sample only: a counter-proposal is always the asker's party's own. */
const counterProposal =
  (path: string): Sample =>
  async (fx, c) =>
    c.note === 'other'
      ? null
      : {
          method: 'POST',
          url: `/api/v1/plans/${fx.planId}${path}`,
          payload: { baseVersionId: fx.released.id, format: 'text', text: await counterText(fx) },
        };

export const COUNTER_PROPOSALS_SAMPLES: Record<string, Sample> = {
  'POST /api/v1/plans/:planId/counter-proposals/preview': counterProposal('/counter-proposals/preview'),
  'POST /api/v1/plans/:planId/counter-proposals': counterProposal('/counter-proposals'),
};
