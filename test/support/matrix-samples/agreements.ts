import { contentHash } from '../../../src/domain/plans/content-hash.ts';
import type { PlanContent } from '../../../src/domain/plans/plan.ts';
import { newId } from '../../../src/domain/shared/ids.ts';
import { insertVersion, latestVersionSeq } from '../../../src/store/plans/plans.repository.ts';
import {
  type MatrixCase,
  type MatrixFixture,
  next,
  partyOf,
  type Sample,
  userIdOf,
  versionOf,
} from '../authorization-cases.ts';
import { readDraft, SAMPLE_PLAN_TEXT } from '../factories.ts';
import { agreementOnVersion, currentRevision } from '../monitoring-factories.ts';
import { oncePerFixture, VELORIA } from './sample-records.ts';

const MEDIATOR = 'envoy@envoy.example';

/**
 * The agreement on the case's version: Draft 2 (held by every party of the matrix) for "released",
 * Draft 3 (Veloria's alone) for "unreleased". Written once per version, and shared with the samples
 * of the other monitoring areas, which ask for the same.
 */
export async function matrixAgreement(fx: MatrixFixture, c: Pick<MatrixCase, 'version'>): Promise<string> {
  return agreementOnVersion(fx.ctx.database, {
    processId: fx.processId,
    planId: fx.planId,
    versionId: versionOf(fx, { ...c, role: 'mediator', note: 'own' }),
    createdBy: await userIdOf(fx, MEDIATOR),
  });
}

/** A plan of its own for adoption samples: each adoption needs a version never adopted before. */
const adoptionPlan = oncePerFixture(async (fx) => {
  const res = await fx.mediator.post(`/api/v1/processes/${fx.processId}/plans/import`, {
    format: 'text',
    text: SAMPLE_PLAN_TEXT,
    title: 'Matrix adoption plan',
  });
  return res.json().plan.id as string;
});

/** A fresh version of the adoption plan, written straight to the store. */
async function freshVersion(fx: MatrixFixture): Promise<string> {
  const planId = await adoptionPlan(fx);
  const content: PlanContent = (await readDraft(fx.mediator, planId)).content;
  const latest = await latestVersionSeq(fx.ctx.database.db, planId);
  const seq = (latest?.seq ?? 0) + 1;
  const id = newId('ver');
  const marked = { ...content, preamble: `${content.preamble} ${seq}` };
  await insertVersion(fx.ctx.database.db, {
    id,
    plan_id: planId,
    seq,
    label: `Draft ${seq}`,
    title: content.title,
    note: '',
    content: JSON.stringify(marked),
    content_hash: contentHash(marked),
    point_count: marked.points.length,
    author_id: await userIdOf(fx, MEDIATOR),
    created_at: new Date().toISOString(),
  });
  return id;
}

export const AGREEMENTS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId/agreements': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/agreements`,
  }),
  'POST /api/v1/processes/:processId/agreements': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/agreements`,
    payload: {
      versionId: await freshVersion(fx),
      title: `Matrix accord ${next()}`,
      adoptedOn: '2031-05-12',
      entryIntoForce: { local: '2031-05-13T12:00', zone: 'Europe/Vienna' },
      signatures: [{ partyId: await partyOf(fx, VELORIA), kind: 'signature', signedOn: '2031-05-12' }],
      phases: [{ name: 'Phase one', description: '' }],
    },
  }),
  'GET /api/v1/processes/:processId/agreements/:agreementId': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/agreements/${await matrixAgreement(fx, c)}`,
  }),
  'PATCH /api/v1/processes/:processId/agreements/:agreementId': async (fx, c) => {
    const id = await matrixAgreement(fx, c);
    return {
      method: 'PATCH',
      url: `/api/v1/processes/${fx.processId}/agreements/${id}`,
      payload: {
        revision: await currentRevision(fx.ctx.database, 'agreements', id),
        title: `Matrix agreement ${next()}`,
      },
    };
  },
};
