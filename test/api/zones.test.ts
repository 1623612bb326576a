import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { agreementOnVersion } from '../support/monitoring-factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Zone {
  id: string;
  name: string;
  kind: string;
  pointId: string | null;
  geometry: { type: string; coordinates: unknown };
  areaKm2: number | null;
  lengthKm: number | null;
}

/** Earth's mean radius, as @turf/area and @turf/length use it. */
const R = 6371.0088;
const rad = Math.PI / 180;

const feature = (properties: Record<string, unknown>, geometry: Record<string, unknown>) => ({
  type: 'Feature',
  properties,
  geometry,
});
const square = (lon: number, lat: number, size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

describeEachDatabase('zones of an agreement from GeoJSON', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let monitor: Client;
  let karst: Client;
  let onDraft2: string;
  let onDraft3: string;
  let pointOfDraft2: { id: string; number: string };
  const zonesUrl = (agreementId: string) =>
    `/api/v1/processes/${ctx().demo.processId}/agreements/${agreementId}/zones`;
  const zoneCount = async () =>
    Number(
      (
        await ctx()
          .database.db.selectFrom('zones')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    monitor = await ctx().signIn('monitor@ccv.example');
    karst = await ctx().signIn('lead@karst.example');
    const [, draft2, draft3] = await demoVersions(mediator, ctx().demo.planId);
    const createdBy = (
      await ctx()
        .database.db.selectFrom('users')
        .select('id')
        .where('email', '=', ctx().demo.mediatorEmail)
        .executeTakeFirstOrThrow()
    ).id;
    const seed = { processId: ctx().demo.processId, planId: ctx().demo.planId, createdBy };
    onDraft2 = await agreementOnVersion(ctx().database, { ...seed, versionId: draft2!.id });
    onDraft3 = await agreementOnVersion(ctx().database, { ...seed, versionId: draft3!.id });
    const content = (await mediator.get(`/api/v1/plans/${ctx().demo.planId}/versions/${draft2!.id}`)).json()
      .content;
    pointOfDraft2 = content.points[2];
  });

  it('imports polygons and lines, measured against their known area and length', async () => {
    const res = await monitor.post(zonesUrl(onDraft2), {
      kind: 'buffer_zone',
      geojson: {
        type: 'FeatureCollection',
        features: [
          feature({ name: 'Equator square' }, square(0, 0, 1)),
          feature(
            { name: 'Line of contact', kind: 'line of contact', point: pointOfDraft2.number },
            {
              type: 'LineString',
              coordinates: [
                [10, 0],
                [11, 0],
              ],
            },
          ),
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { ok: boolean; items: Zone[]; problems: unknown[] };
    expect(body.ok).toBe(true);
    expect(body.problems).toEqual([]);
    const [area, line] = body.items;
    // A 1° × 1° cell at the equator on a sphere: R² · Δλ · (sin φ₂ − sin φ₁).
    const cell = R * R * rad * Math.sin(rad);
    expect(area).toMatchObject({
      name: 'Equator square',
      kind: 'buffer_zone',
      pointId: null,
      lengthKm: null,
    });
    expect(Math.abs(area!.areaKm2! - cell) / cell).toBeLessThan(1e-3);
    expect(area!.geometry.type).toBe('Polygon');
    expect(line).toMatchObject({ kind: 'line_of_contact', pointId: pointOfDraft2.id, areaKm2: null });
    expect(line!.lengthKm!).toBeCloseTo(R * rad, 1);

    const listed = (await karst.get(zonesUrl(onDraft2))).json().items as Zone[];
    expect(listed.map((z) => z.name)).toEqual(expect.arrayContaining(['Equator square', 'Line of contact']));
    // A GeoJSON file's text is taken too.
    const asText = await monitor.post(zonesUrl(onDraft2), {
      geojson: JSON.stringify(feature({ name: 'Area to vacate' }, square(20, 40, 0.5))),
      kind: 'area_to_vacate',
      pointId: pointOfDraft2.id,
    });
    expect(asText.json().items).toMatchObject([
      { name: 'Area to vacate', kind: 'area_to_vacate', pointId: pointOfDraft2.id },
    ]);
  });

  it('refuses a self-intersecting polygon and other bad features by number, writing none of them', async () => {
    const before = await zoneCount();
    const res = await monitor.post(zonesUrl(onDraft2), {
      geojson: {
        type: 'FeatureCollection',
        features: [
          feature({ name: 'Fine' }, square(30, 10, 1)),
          feature(
            { name: 'Bow tie' },
            {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 1],
                  [1, 0],
                  [0, 1],
                  [0, 0],
                ],
              ],
            },
          ),
          feature(
            { name: 'Open ring' },
            {
              type: 'Polygon',
              coordinates: [
                [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                  [0, 1],
                ],
              ],
            },
          ),
          feature({ name: 'Swapped', point: '999' }, square(10, 100, 1)),
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      ok: boolean;
      items: Zone[];
      problems: { feature: number; message: string }[];
    };
    expect(body.ok).toBe(false);
    expect(body.items).toEqual([]);
    expect([...new Set(body.problems.map((p) => p.feature))]).toEqual([1, 2, 3]);
    expect(body.problems.find((p) => p.feature === 1)?.message).toMatch(/intersect/i);
    expect(await zoneCount()).toBe(before);

    const unknownPoint = await monitor.post(zonesUrl(onDraft2), {
      geojson: feature({ name: 'Somewhere', point: '999' }, square(5, 5, 1)),
    });
    expect(unknownPoint.json()).toMatchObject({ ok: false, problems: [{ feature: 0 }] });
    expect(unknownPoint.json().problems[0].message).toContain('999');
    expect(problemFields(await monitor.post(zonesUrl(onDraft2), { geojson: 42 }))).toEqual(['body.geojson']);
    expect(
      problemFields(
        await monitor.post(zonesUrl(onDraft2), { geojson: square(1, 1, 1), pointId: 'pt_nosuch' }),
      ),
    ).toEqual(['body.pointId']);
    const notJson = await monitor.post(zonesUrl(onDraft2), { geojson: '{"type": "Feature",' });
    expect(notJson.json()).toMatchObject({ ok: false, problems: [{ feature: null }] });
    expect(await zoneCount()).toBe(before);
  });

  it('shows zones to those who may read the agreement, and lets the mission delete them', async () => {
    const made = await mediator.post(zonesUrl(onDraft3), {
      geojson: feature({ name: 'Draft 3 zone' }, square(1, 1, 1)),
    });
    expect(made.statusCode, made.body).toBe(200);
    const zone = made.json().items[0] as Zone;
    // Karst does not hold Draft 3: its agreement and zones are not found.
    expectProblem(await karst.get(zonesUrl(onDraft3)), 404, 'agreement.not_found');
    const hidden = await karst.request({
      method: 'DELETE',
      url: `/api/v1/processes/${ctx().demo.processId}/zones/${zone.id}`,
    });
    expectProblem(hidden, 404, 'zone.not_found');
    expectProblem(await karst.post(zonesUrl(onDraft2), { geojson: square(1, 1, 1) }), 403);

    const deleted = await mediator.request({
      method: 'DELETE',
      url: `/api/v1/processes/${ctx().demo.processId}/zones/${zone.id}`,
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(((await mediator.get(zonesUrl(onDraft3))).json().items as Zone[]).map((z) => z.id)).not.toContain(
      zone.id,
    );
    expectProblem(
      await mediator.request({
        method: 'DELETE',
        url: `/api/v1/processes/${ctx().demo.processId}/zones/${zone.id}`,
      }),
      404,
      'zone.not_found',
    );
    const audit = await mediator.get(`/api/v1/processes/${ctx().demo.processId}/audit?action=zone.`);
    expect(audit.json().entries.map((e: { summary: string }) => e.summary)).toEqual(
      expect.arrayContaining(['imported 1 zone', 'deleted a zone (other)']),
    );
  });
});
