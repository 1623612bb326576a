import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import type { ProcessAction } from '../../src/domain/access/policies.ts';
import { stripMarks } from '../../src/domain/leak-trace/marks.ts';
import { ROUTES } from '../../src/server/routes/index.ts';
import {
  MATRIX_ROLES,
  type MatrixCase,
  type MatrixFixture,
  type MatrixRequest,
  type MatrixRole,
  matrixFixture,
  ROLE_EMAILS,
  SAMPLES,
} from '../support/authorization-cases.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { expectNoInternals, tokenClient } from '../support/factories.ts';
import { useTestApp } from '../support/test-app.ts';

const isMember = (c: MatrixCase) => c.role !== 'outsider';
const isMediator = (c: MatrixCase) => c.role === 'mediator' || c.role === 'read-only token';

/**
 * What each policy must allow, written out here by hand rather than derived from the policy code,
 * so that a change to a policy has to be made twice (there and here) to pass. Writes are refused
 * to a read-only token whatever the role, which `WRITES` below adds.
 */
const EXPECTED: Record<ProcessAction, (c: MatrixCase) => boolean> = {
  'process.read': isMember,
  'process.manage': isMediator,
  'members.read': isMember,
  'plan.create': isMediator,
  // Every party in the matrix holds Draft 2, so every member knows the plan.
  'plan.read': isMember,
  'draft.read': isMediator,
  'draft.edit': isMediator,
  'version.cut': isMediator,
  'version.read': (c) => isMediator(c) || (isMember(c) && c.version === 'released'),
  'version.release': isMediator,
  'releases.read': isMember,
  'note.read': (c) => isMember(c) && c.note === 'own',
  'note.write': (c) => (isMediator(c) || c.role === 'delegate') && c.note === 'own',
  // For the records below, "own" is one the asker's party owns or was shown (a meeting it attends,
  // an amendment submitted to the mediator), "other" another party's unshared one.
  'position.read': (c) => isMediator(c) || (isMember(c) && c.note === 'own'),
  'position.write': (c) => c.role === 'delegate' && c.note === 'own',
  'rationale.read': (c) => isMember(c) && c.note === 'own',
  'amendment.read': (c) => isMember(c) && c.note === 'own',
  'amendment.write': (c) => c.role === 'delegate' && c.note === 'own',
  'amendment.decide': isMediator,
  'comment.read': (c) => isMember(c) && c.note === 'own',
  'comment.write': (c) => (isMediator(c) || c.role === 'delegate') && c.note === 'own',
  'meeting.read': (c) => isMediator(c) || (isMember(c) && c.note === 'own'),
  'meeting.manage': isMediator,
  'brief.export': (c) => isMediator(c) || (isMember(c) && c.note === 'own'),
  'feed.manage': isMember,
  'audit.read': isMediator,
  'analysis.manage': isMediator,
  'analysis.run': isMediator,
  'preferences.read': (c) => isMember(c) && c.note === 'own',
  'preferences.write': (c) => c.role === 'delegate' && c.note === 'own',
  // Monitoring samples adopt the matrix's released version (Draft 2) or its unreleased one (Draft 3).
  'monitoring.read': (c) => isMediator(c) || (isMember(c) && c.version === 'released'),
  'agreement.manage': isMediator,
  'commitment.record': (c) => isMediator(c) || c.role === 'monitor',
  // "own": an event report filed by the asker's party, or a verified one; "other": another
  // party's allegation not yet verified.
  'event.read': (c) => isMediator(c) || c.role === 'monitor' || (isMember(c) && c.note === 'own'),
  'event.report': (c) => isMember(c) && c.role !== 'observer',
  'event.verify': (c) => isMediator(c) || c.role === 'monitor',
  'monitoring.import': (c) => isMediator(c) || c.role === 'monitor',
  'webhook.manage': isMediator,
};
const WRITES: ReadonlySet<ProcessAction> = new Set([
  'process.manage',
  'plan.create',
  'draft.edit',
  'version.cut',
  'version.release',
  'note.write',
  'position.write',
  'amendment.write',
  'amendment.decide',
  'comment.write',
  'meeting.manage',
  'feed.manage',
  'analysis.manage',
  'preferences.write',
  'agreement.manage',
  'commitment.record',
  'event.report',
  'event.verify',
  'monitoring.import',
  'webhook.manage',
]);

/** A route about one party record (a note, an amendment, a thread, a meeting) by its id. */
const RECORD_PARAM = /:(noteId|amendmentId|commentId|threadId|meetingId|positionId)\b/;

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const scoped = ROUTES.filter((r) => r.path.includes(':processId') || r.path.includes(':planId'));

function expectedFor(action: ProcessAction, c: MatrixCase): boolean {
  if (c.role === 'read-only token' && WRITES.has(action)) return false;
  return EXPECTED[action](c);
}

const CASES: MatrixCase[] = MATRIX_ROLES.flatMap((role) =>
  (['released', 'unreleased'] as const).flatMap((version) =>
    (['own', 'other'] as const).map((note) => ({ role, version, note })),
  ),
);

it('declares a policy and a matrix sample for every process- and plan-scoped route', () => {
  expect(scoped.length).toBeGreaterThan(15);
  for (const route of scoped) {
    expect(route.policy, `${key(route)} has no policy`).toBeDefined();
    expect(
      SAMPLES[key(route)],
      `${key(route)} has no sample in test/support/authorization-cases.ts`,
    ).toBeDefined();
  }
  expect(Object.keys(SAMPLES).sort()).toEqual(scoped.map(key).sort());
});

describeEachDatabase(
  'authorization matrix: route × role × own/other party × released/unreleased',
  (dialect) => {
    const ctx = useTestApp(dialect);
    let fx: MatrixFixture;
    let send: (role: MatrixRole, request: MatrixRequest) => Promise<LightMyRequestResponse>;
    /** Text that only the mediator team and Veloria may ever read. */
    let secrets: string[];

    beforeAll(async () => {
      fx = await matrixFixture(ctx());
      const clients = new Map<MatrixRole, (r: MatrixRequest) => Promise<LightMyRequestResponse>>();
      for (const [role, email] of Object.entries(ROLE_EMAILS)) {
        const client = await ctx().signIn(email);
        clients.set(role as MatrixRole, (r) => client.request(r));
      }
      const token = await tokenClient(ctx(), ROLE_EMAILS.mediator, 'read');
      clients.set('read-only token', (r) => token.request(r));
      const outsider = await ctx().outsider();
      clients.set('outsider', (r) => outsider.request(r));
      send = (role, request) => clients.get(role)!(request);
      secrets = await unreleasedSecrets(fx);
    });

    for (const route of scoped) {
      it(`${key(route)} (${route.policy})`, async () => {
        const action = route.policy as ProcessAction;
        for (const c of CASES) {
          const request = await SAMPLES[key(route)]!(fx, c);
          if (!request) continue;
          const res = await send(c.role, request);
          // An event stream stays open: its status is all this test needs; close it.
          if (request.payloadAsStream) res.stream().destroy();
          // Leak checks read through the recipient marks that on-screen copies carry.
          const body = request.payloadAsStream ? '' : stripMarks(res.body, { spacing: true });
          const label = `${key(route)} as ${c.role}, ${c.version} version, ${c.note} note: ${body.slice(0, 200)}`;
          expectNoInternals(body);
          if (expectedFor(action, c)) {
            expect(res.statusCode, label).toBeGreaterThanOrEqual(200);
            expect(res.statusCode, label).toBeLessThan(300);
          } else if (c.role === 'outsider') {
            // Not even the existence of the process is confirmed.
            expect(res.statusCode, label).toBe(404);
          } else {
            expect([403, 404], label).toContain(res.statusCode);
            // An unreleased version or another party's note is "not found", never "forbidden".
            const hidden =
              (action === 'version.read' && c.version === 'unreleased') ||
              (RECORD_PARAM.test(route.path) && c.note === 'other');
            if (hidden) expect(res.statusCode, label).toBe(404);
          }
          if (!isMediator(c)) for (const secret of secrets) expect(body, label).not.toContain(secret);
        }
      });
    }
  },
);

/**
 * Sentences only the mediator team (and Veloria) may read: the working draft's and Draft 3's own
 * wording, and Veloria's private note.
 */
async function unreleasedSecrets(fx: MatrixFixture): Promise<string[]> {
  const read = async (url: string) => {
    const content = (await fx.mediator.get(url)).json().content as { points: { text: string }[] };
    // The mediator's own view of a version is marked for them too: compare the text beneath.
    return { points: content.points.map((p) => ({ text: stripMarks(p.text, { spacing: true }) })) };
  };
  const versions = (await fx.mediator.get(`/api/v1/plans/${fx.planId}/versions`)).json().items as {
    id: string;
  }[];
  // Whatever any party other than Veloria holds (Drafts 1 and 2) is not secret, nor any part of it.
  const shown = await Promise.all(
    versions
      .filter((v) => v.id !== fx.unreleased.id)
      .map((v) => read(`/api/v1/plans/${fx.planId}/versions/${v.id}`)),
  );
  const heldText = shown.flatMap((c) => c.points.map((p) => p.text)).join('\n');
  const draft = await read(`/api/v1/plans/${fx.planId}`);
  const draftThree = await read(`/api/v1/plans/${fx.planId}/versions/${fx.unreleased.id}`);
  const fresh = [...draft.points, ...draftThree.points]
    .map((p) => p.text)
    .filter((t) => !heldText.includes(t) && !t.startsWith('Matrix'))
    // As it would appear in a JSON body and as it would appear in a plain-text export.
    .flatMap((t) => [JSON.stringify(t).slice(1, -1), t]);
  const note = await fx.ctx.database.db
    .selectFrom('party_notes')
    .select('body')
    .where('id', '=', fx.otherPartyNoteId)
    .executeTakeFirstOrThrow();
  expect(fresh.length).toBeGreaterThan(3);
  return [...new Set(fresh), note.body];
}
