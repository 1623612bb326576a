import { type MatrixCase, type MatrixFixture, next, type Sample, userIdOf } from '../authorization-cases.ts';
import { currentRevision, writeCommitment } from '../monitoring-factories.ts';
import { matrixAgreement } from './agreements.ts';

const MEDIATOR = 'envoy@envoy.example';

/** A fresh commitment of the agreement on the case's version, written straight to the store. */
async function matrixCommitment(fx: MatrixFixture, c: Pick<MatrixCase, 'version'>): Promise<string> {
  return writeCommitment(fx.ctx.database, {
    processId: fx.processId,
    agreementId: await matrixAgreement(fx, c),
    createdBy: await userIdOf(fx, MEDIATOR),
    pointId: fx.sharedPointId,
  });
}

const agreementUrl = async (fx: MatrixFixture, c: MatrixCase) =>
  `/api/v1/processes/${fx.processId}/agreements/${await matrixAgreement(fx, c)}`;
const commitmentUrl = async (fx: MatrixFixture, c: Pick<MatrixCase, 'version'>) =>
  `/api/v1/processes/${fx.processId}/commitments/${await matrixCommitment(fx, c)}`;

/**
 * Progress and scores are the monitors' whatever the version (commitment.record): their samples
 * use the agreement on Draft 2, which the monitors' party holds; whether a reader may see an
 * agreement at all is covered by the read samples, on both versions.
 */
const released = { version: 'released' } as const;

export const COMMITMENTS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/agreements/:agreementId/commitments': async (fx, c) => ({
    method: 'GET',
    url: `${await agreementUrl(fx, c)}/commitments?asOf=2031-01-01`,
  }),
  'POST /api/v1/processes/:processId/agreements/:agreementId/commitments': async (fx, c) => ({
    method: 'POST',
    url: `${await agreementUrl(fx, c)}/commitments`,
    payload: {
      title: `Matrix withdrawal ${next()}`,
      pointId: fx.sharedPointId,
      deadline: { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
      targetQuantity: 10,
      targetUnit: 'battalions',
    },
  }),
  'POST /api/v1/processes/:processId/agreements/:agreementId/commitments/derive': async (fx, c) => ({
    method: 'POST',
    url: `${await agreementUrl(fx, c)}/commitments/derive`,
    payload: { granularity: 'points' },
  }),
  'GET /api/v1/processes/:processId/commitments/:commitmentId': async (fx, c) => ({
    method: 'GET',
    url: await commitmentUrl(fx, c),
  }),
  'PATCH /api/v1/processes/:processId/commitments/:commitmentId': async (fx, c) => {
    const url = await commitmentUrl(fx, c);
    const id = url.split('/').at(-1) ?? '';
    return {
      method: 'PATCH',
      url,
      payload: {
        revision: await currentRevision(fx.ctx.database, 'commitments', id),
        title: `Renamed ${next()}`,
      },
    };
  },
  'DELETE /api/v1/processes/:processId/commitments/:commitmentId': async (fx, c) => ({
    method: 'DELETE',
    url: await commitmentUrl(fx, c),
  }),
  'POST /api/v1/processes/:processId/commitments/:commitmentId/progress': async (fx) => ({
    method: 'POST',
    url: `${await commitmentUrl(fx, released)}/progress`,
    payload: { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), kind: 'progress', quantity: 1 },
  }),
  'POST /api/v1/processes/:processId/commitments/:commitmentId/scores': async (fx) => ({
    method: 'POST',
    url: `${await commitmentUrl(fx, released)}/scores`,
    payload: { score: 2, justification: 'Half of the units have left.', evidence: [{ label: 'Patrol log' }] },
  }),
};
