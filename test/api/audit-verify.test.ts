import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/services/audit/verify-audit-log.ts';
import { loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import type { Database } from '../../src/store/database.ts';
import { createTestDatabase, describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('audit verify against tampering in the database', (dialect) => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await drop?.();
    drop = undefined;
  });

  async function demoDatabase(): Promise<Database> {
    const created = await createTestDatabase(dialect);
    drop = created.drop;
    await loadDemoIfEmpty(created.database);
    return created.database;
  }

  it('verifies the untouched log', async () => {
    const database = await demoDatabase();
    const result = await verifyAuditLog(database);
    const entries = await database.db.selectFrom('audit_log').select('seq').execute();
    expect(entries.length).toBeGreaterThan(4);
    expect(result).toMatchObject({ ok: true, entries: entries.length });
  });

  it('fails at the entry whose detail was changed', async () => {
    const database = await demoDatabase();
    await sql`update audit_log set detail = '{"label":"Draft 9"}' where seq = 3`.execute(database.db);
    expect(await verifyAuditLog(database)).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 3 } });
  });

  it('fails at the entry that was deleted', async () => {
    const database = await demoDatabase();
    await sql`delete from audit_log where seq = 2`.execute(database.db);
    expect(await verifyAuditLog(database)).toMatchObject({ ok: false, problem: { kind: 'removed', seq: 2 } });
  });

  it('fails when entries are reordered', async () => {
    const database = await demoDatabase();
    await sql`update audit_log set seq = 100 where seq = 2`.execute(database.db);
    await sql`update audit_log set seq = 2 where seq = 3`.execute(database.db);
    await sql`update audit_log set seq = 3 where seq = 100`.execute(database.db);
    expect(await verifyAuditLog(database)).toMatchObject({ ok: false, problem: { seq: 2 } });
  });

  it('fails when an entry is inserted at the end without moving the recorded head', async () => {
    const database = await demoDatabase();
    const last = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('audit_log')
      .values({ ...last, seq: last.seq + 1, action: 'version.cut', prev_hash: last.hash, hash: last.hash })
      .execute();
    expect(await verifyAuditLog(database)).toMatchObject({ ok: false, problem: { seq: last.seq + 1 } });
  });

  it('fails when the last entries are cut off', async () => {
    const database = await demoDatabase();
    const { seq: last } = await database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirstOrThrow();
    await sql`delete from audit_log where seq = ${last}`.execute(database.db);
    expect(await verifyAuditLog(database)).toMatchObject({
      ok: false,
      problem: { kind: 'truncated', seq: last },
    });
  });
});
