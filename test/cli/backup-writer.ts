// A second process that keeps editing a plan's draft, as a running server would, until its
// standard input closes. Prints each new revision. Usage: backup-writer.ts PLAN_ID EMAIL
import { loadConfig } from '../../src/config.ts';
import type { Actor } from '../../src/services/access/sessions.ts';
import { editDraft } from '../../src/services/plans/edit-draft.ts';
import { findUserByEmail, toUser } from '../../src/store/access/users.repository.ts';
import { openDatabase } from '../../src/store/database.ts';
import { draftOf, findPlan } from '../../src/store/plans/plans.repository.ts';

const [planId = '', email = ''] = process.argv.slice(2);
const database = openDatabase(loadConfig().database);
const row = await findUserByEmail(database.db, email);
const plan = await findPlan(database.db, planId);
const pointId = plan ? draftOf(plan).points[0]?.id : undefined;
if (!row || !plan || !pointId) throw new Error(`no plan ${planId} or user ${email}`);
const actor: Actor = { user: toUser(row), via: 'cli', canWrite: true };

let open = true;
process.stdin.on('end', () => {
  open = false;
});
process.stdin.resume();

let revision = plan.draft_revision;
for (let i = 0; open && i < 5000; i++) {
  const out = await editDraft(database, actor, planId, {
    baseRevision: revision,
    op: { type: 'updatePoint', pointId, text: `Edit number ${i} of the first point.` },
  });
  revision = out.revision;
  process.stdout.write(`${revision}\n`);
  // Let the stdin 'close' event through; in-process SQLite calls never yield on their own.
  await new Promise((resolve) => setImmediate(resolve));
}
await database.close();
