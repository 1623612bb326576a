import { connect } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import type { Instance } from '../support/event-stream.ts';
import { signInOverHttp, startInstance } from '../support/event-stream.ts';
import { expectProblem, problemFields } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface ImportResult {
  ok: boolean;
  dryRun: boolean;
  importId: string | null;
  encoding: string;
  headers: string[];
  mapping: Record<string, string>;
  rowsTotal: number;
  imported: number;
  duplicates: number;
  rejected: number;
  problems: { line: number; field?: string; message: string }[];
}

const MONITOR = 'monitor@ccv.example';
const KARST = 'lead@karst.example';

const HEADER =
  'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities,country';

/** A row in ACLED's layout; `over` replaces cells by column name. */
function row(n: number, over: Record<string, string> = {}): string {
  const cells: Record<string, string> = {
    event_id_cnty: `ORL${n}`,
    event_date: `2030-03-${String((n % 28) + 1).padStart(2, '0')}`,
    time_precision: '1',
    event_type: n % 2 === 0 ? 'Battles' : 'Explosions/Remote violence',
    sub_event_type: n % 2 === 0 ? 'Armed clash' : 'Shelling/artillery/missile attack',
    actor1: 'Military Forces of Veloria',
    actor2: 'Karst Federation Armed Forces',
    admin1: 'Orlen',
    location: `Village ${n}`,
    latitude: (-49 - n / 1000).toFixed(4),
    longitude: (69 + n / 1000).toFixed(4),
    geo_precision: '1',
    source: 'Orlen Herald',
    notes: `"On ${n} March, forces exchanged fire near the village, ""heavy"" losses."`,
    fatalities: String(n % 4),
    country: 'Orlen',
    ...over,
  };
  return HEADER.split(',')
    .map((c) => cells[c] ?? '')
    .join(',');
}

const csv = (rows: string[], header = HEADER) => `${[header, ...rows].join('\n')}\n`;

describeEachDatabase('event imports from CSV', (dialect) => {
  const ctx = useTestApp(dialect);
  let monitor: Client;
  let karst: Client;
  const base = () => `/api/v1/processes/${ctx().demo.processId}/event-imports`;
  const upload = (client: Client, body: string | Buffer, query = '') =>
    client.request({
      method: 'POST',
      url: `${base()}?fileName=orlen.csv${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: body,
    });
  const counts = async () => {
    const n = async (table: 'event_reports' | 'event_imports' | 'event_status_history' | 'audit_log') =>
      Number(
        (
          await ctx()
            .database.db.selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      reports: await n('event_reports'),
      imports: await n('event_imports'),
      history: await n('event_status_history'),
      audit: await n('audit_log'),
    };
  };

  beforeAll(async () => {
    monitor = await ctx().signIn(MONITOR);
    karst = await ctx().signIn(KARST);
  });

  it('imports a good file in the public datasets’ layout, and finds its events again on re-import', async () => {
    const file = csv(Array.from({ length: 30 }, (_, i) => row(i + 1)));
    const before = await counts();
    const res = await upload(monitor, file);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as ImportResult;
    expect(result).toMatchObject({
      ok: true,
      dryRun: false,
      rowsTotal: 30,
      imported: 30,
      duplicates: 0,
      rejected: 0,
      problems: [],
      encoding: 'utf-8',
    });
    expect(result.mapping).toMatchObject({
      external_id: 'event_id_cnty',
      description: 'notes',
      location: 'location',
    });
    expect(await counts()).toEqual({
      reports: before.reports + 30,
      imports: before.imports + 1,
      history: before.history + 30,
      audit: before.audit + 1,
    });
    const stored = await ctx()
      .database.db.selectFrom('event_reports')
      .selectAll()
      .where('external_id', '=', 'ORL7')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      occurred_at: '2030-03-08T00:00:00.000Z',
      time_precision: 'day',
      place_name: 'Village 7, Orlen',
      status: 'received',
      reported_by_party_id: null,
      import_id: result.importId,
      description: 'On 7 March, forces exchanged fire near the village, "heavy" losses.',
      source_reliability: 'F',
      info_credibility: 6,
    });
    const history = (await monitor.get(base())).json().items;
    expect(history[0]).toMatchObject({
      id: result.importId,
      fileName: 'orlen.csv',
      imported: 30,
      duplicates: 0,
    });
    // Imports are the mission's: other members see an empty history, and may not import.
    expect((await karst.get(base())).json().items).toEqual([]);
    expectProblem(await upload(karst, file), 403);

    // The same file again, with two new rows and one repeated within the file.
    const again = await upload(
      monitor,
      csv([...Array.from({ length: 30 }, (_, i) => row(i + 1)), row(31), row(32), row(31)]),
    );
    expect(again.json()).toMatchObject({ ok: true, rowsTotal: 33, imported: 2, duplicates: 31 });
    // Without ids, the events are recognised by what they are.
    const anonymous = HEADER.replace('event_id_cnty,', '');
    const strip = (line: string) => line.slice(line.indexOf(',') + 1);
    const first = await upload(monitor, csv([strip(row(40)), strip(row(41))], anonymous));
    expect(first.json()).toMatchObject({ imported: 2, duplicates: 0 });
    const second = await upload(
      monitor,
      csv([strip(row(40, { fatalities: '9', notes: 'Revised toll' })), strip(row(42))], anonymous),
    );
    expect(second.json()).toMatchObject({ imported: 1, duplicates: 1 });
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select('detail')
      .where('subject_id', '=', result.importId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ imported: 30, duplicates: 0, rejected: 0, rowsTotal: 30 });
  });

  it('reports every problem of a messy file by line and field, and writes nothing unless asked to skip them', async () => {
    const messy = csv([
      row(101),
      row(102, { latitude: '123.5' }),
      row(103, { event_date: '2030-02-30' }),
      row(104, { event_type: '' }),
      row(105, { longitude: '"69,5"' }),
      `${row(106)},extra`,
      row(107),
      row(108, { location: '', admin1: '', country: '', latitude: '', longitude: '' }),
    ]);
    const before = await counts();
    const res = await upload(monitor, messy);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as ImportResult;
    expect(result).toMatchObject({ ok: false, importId: null, rowsTotal: 8, imported: 0, rejected: 6 });
    expect(result.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'latitude'],
      [4, 'event_date'],
      [5, 'event_type'],
      [6, 'longitude'],
      [7, 'csv'],
      [9, 'location'],
    ]);
    expect(result.problems[0]?.message).toContain('123.5');
    expect(await counts()).toEqual(before);

    const skipped = (await upload(monitor, messy, '&skipInvalid=true')).json() as ImportResult;
    expect(skipped).toMatchObject({ ok: true, imported: 2, rejected: 6 });
    expect(skipped.problems).toHaveLength(6);
    expect((await counts()).reports).toBe(before.reports + 2);
  });

  it('takes the status from a status column: verified rows reach every party, the rest stay with the mission', async () => {
    const header = `${HEADER},status`;
    const res = await upload(
      monitor,
      csv([`${row(501)},verified`, `${row(502)},under investigation`], header),
    );
    expect(res.json()).toMatchObject({ ok: true, imported: 2 });
    const list = (
      await karst.get(
        `/api/v1/processes/${ctx().demo.processId}/event-reports?from=2030-03-01&to=2030-03-31&q=Village 50`,
      )
    ).json().items as { externalId: string; status: string }[];
    expect(list.map((e) => [e.externalId, e.status])).toEqual([['ORL501', 'verified']]);
    const bad = await upload(monitor, csv([`${row(503)},confirmed`], header));
    expect(bad.json().problems).toEqual([expect.objectContaining({ line: 2, field: 'status' })]);
  });

  it('checks a whole file in a dry run and writes nothing', async () => {
    const before = await counts();
    const res = await upload(monitor, csv([row(201), row(202), row(101)]), '&dryRun=true');
    expect(res.json()).toMatchObject({
      ok: true,
      dryRun: true,
      importId: null,
      rowsTotal: 3,
      imported: 2,
      duplicates: 1,
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a file in another encoding at the line of its first bad byte, and reads it when told', async () => {
    const text = csv([row(301), row(302, { location: 'Brzeźce', notes: 'Café destroyed' }), row(303)]);
    const bytes = iconv.encode(text, 'windows-1250');
    const before = await counts();
    const res = await upload(monitor, bytes);
    const problem = expectProblem(res, 422, 'import.failed');
    expect(problem.line).toBe(3);
    expect(problem.detail).toMatch(/^line 3: the file is not UTF-8/);
    expect(problem.detail).toContain('encoding=windows-1252');
    expect(problem.problems).toEqual([expect.objectContaining({ line: 3, field: 'encoding' })]);
    expect(await counts()).toEqual(before);
    const declared = await upload(monitor, bytes, '&encoding=windows-1250');
    expect(declared.json()).toMatchObject({ ok: true, imported: 3, encoding: 'windows-1250' });
    const place = await ctx()
      .database.db.selectFrom('event_reports')
      .select('place_name')
      .where('external_id', '=', 'ORL302')
      .executeTakeFirstOrThrow();
    expect(place.place_name).toBe('Brzeźce, Orlen');
    expectProblem(await upload(monitor, bytes, '&encoding=klingon'), 422, 'import.failed');
  });

  it('refuses a file without the columns it needs, and reads it with a mapping', async () => {
    const header = 'id,when,kind,place,lat,lon';
    const rows = ['K1,2030-05-01,Protests,Vesk,-49.3,69.56', 'K2,2030-05-02,Battles,Sarn,-49.2,69.22'];
    const res = await upload(monitor, csv(rows, header));
    const problem = expectProblem(res, 422, 'import.failed');
    expect(problem.detail).toContain('event_date');
    expect((problem.problems as { field: string }[]).map((p) => p.field)).toEqual([
      'mapping.event_date',
      'mapping.event_type',
    ]);
    // A mapping names every column used: it replaces the one guessed from the header.
    const mapping = encodeURIComponent(
      JSON.stringify({
        external_id: 'id',
        event_date: 'when',
        event_type: 'kind',
        location: 'place',
        latitude: 'lat',
        longitude: 'lon',
      }),
    );
    const mapped = await upload(monitor, csv(rows, header), `&mapping=${mapping}`);
    expect(mapped.json()).toMatchObject({ ok: true, imported: 2 });
    const unknown = await upload(
      monitor,
      csv(rows, header),
      `&mapping=${encodeURIComponent('{"when":"x"}')}`,
    );
    expect(problemFields(unknown)).toEqual(['query.mapping.when']);
    const notJson = await upload(monitor, csv(rows, header), '&mapping=%7Bnope');
    expect(problemFields(notJson)).toEqual(['query.mapping']);
    expectProblem(await upload(monitor, ''), 422, 'import.failed');
    expectProblem(await upload(monitor, `${HEADER}\n`), 422, 'import.failed');
    // The body is the file itself.
    const json = await monitor.post(base(), { file: 'a,b' });
    expect(json.statusCode).toBe(415);
  });

  describeTooLarge();

  function describeTooLarge() {
    let instance: Instance;
    beforeAll(async () => {
      instance = await startInstance(ctx().database);
    });
    afterAll(async () => {
      await instance?.app.close();
    });

    it('refuses a 200 MB file up front, naming its size, before reading it', async () => {
      const user = await signInOverHttp(instance.url, MONITOR);
      const { port } = new URL(instance.url);
      const size = 200 * 1000 * 1000;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        socket.setTimeout(5000, () => reject(new Error('no answer')));
        socket.on('data', (chunk) => {
          text += chunk.toString('utf8');
        });
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
        socket.write(
          [
            `POST /api/v1/processes/${ctx().demo.processId}/event-imports HTTP/1.1`,
            `Host: 127.0.0.1:${port}`,
            `Cookie: ${user.cookie}`,
            'X-Entente-CSRF: 1',
            'Content-Type: text/csv',
            `Content-Length: ${size}`,
            '',
            `${HEADER}\n`,
          ].join('\r\n'),
        );
      });
      expect(answer).toMatch(/^HTTP\/1\.1 413/);
      expect(answer.toLowerCase()).toContain('connection: close');
      const problem = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      expect(problem).toMatchObject({ code: 'payload.too_large', limitBytes: 100 * 1024 * 1024 });
      expect(problem.detail).toContain('191 MiB (200,000,000 bytes)');
      expect(problem.detail).toContain('at most 100 MiB');
    });
  }
});
