import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import { useResource } from '../api/use-resource.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { MapCanvas } from '../map/map-canvas.tsx';
import type { MapSelection } from '../map/map-controller.ts';
import { decodeMapEvents, type MapPoints, type MapResponse } from '../map/map-data.ts';
import { StatusFilter, TypeFilter, ZoneKey } from '../map/map-legend.tsx';
import { MapSidePanel } from '../map/map-side-panel.tsx';
import { TimeSlider } from '../map/time-slider.tsx';
import { typeLegend } from '../map/type-colours.ts';
import { zoneShapes } from '../map/zone-layer.ts';
import type { AgreementList } from '../monitoring/monitoring-types.ts';
import type { ZoneKind, ZoneList } from '../zones/zone-types.ts';
import '../styles/map.css';
import '../styles/events.css';

const toggle = (set: ReadonlySet<number>, n: number) => {
  const next = new Set(set);
  if (!next.delete(n)) next.add(n);
  return next;
};

type Selection =
  | { kind: 'event'; id: string }
  | { kind: 'events'; ids: string[]; count: number; lon: number; lat: number };

function toSelection(s: MapSelection, points: MapPoints): Selection {
  if (s.kind === 'event') return { kind: 'event', id: points.ids[s.index] ?? '' };
  return { ...s, ids: s.indexes.map((i) => points.ids[i] ?? '') };
}

function indexOf(points: MapPoints, id: string): number | null {
  const i = points.ids.indexOf(id);
  return i < 0 ? null : i;
}

/** The selection in the current data's indexes; events gone since are left out. */
function fromSelection(s: Selection, points: MapPoints): MapSelection | null {
  if (s.kind === 'event') {
    const index = indexOf(points, s.id);
    return index === null ? null : { kind: 'event', index };
  }
  const indexes = s.ids.map((id) => indexOf(points, id)).filter((i): i is number => i !== null);
  return { kind: 'events', indexes, count: s.count, lon: s.lon, lat: s.lat };
}

/** The events of a process on an offline map, clustered, with the zones of an agreement, a time slider and filters. */
export default function MapPage({ processId }: { processId: string }) {
  const [params, setParams] = useSearchParams();
  const processTitle = useProcessTitle(processId);
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: 'Event reports', href: `/processes/${processId}/events` },
    { label: 'Map' },
  ]);
  const map = useResource<MapResponse>(`/processes/${processId}/event-reports/map`);
  const agreements = useResource<AgreementList>(`/processes/${processId}/agreements`);
  const chosen = params.get('agreement');
  const agreementId = chosen === 'none' ? null : (chosen ?? agreements.data?.items[0]?.id ?? null);
  const zones = useResource<ZoneList>(
    agreementId === null ? null : `/processes/${processId}/agreements/${agreementId}/zones`,
  );

  const points = useMemo(() => (map.data ? decodeMapEvents(map.data) : null), [map.data]);
  const legend = useMemo(() => (points ? typeLegend(points) : null), [points]);
  const colours = useMemo(() => legend?.categories.map((c) => c.colour) ?? [], [legend]);
  const shapes = useMemo(() => (zones.data ? zoneShapes(zones.data.items) : []), [zones.data]);
  const statusCounts = useMemo(() => {
    const counts = new Array<number>(points?.statuses.length ?? 0).fill(0);
    if (points) for (let i = 0; i < points.count; i++) counts[points.status[i] as number]! += 1;
    return counts;
  }, [points]);

  const [range, setRange] = useState<[number, number] | null>(null);
  const bounds = useRef<[number, number] | null>(null);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<number>>(new Set());
  const [hiddenStatuses, setHiddenStatuses] = useState<ReadonlySet<number>>(new Set());
  // By id, not by index: a live update brings new data, with other indexes.
  const [selection, setSelection] = useState<Selection | null>(null);
  const [matched, setMatched] = useState<{ n: number | null; busy: boolean }>({ n: null, busy: true });
  useEffect(() => {
    if (!points) return;
    // The first data shows all dates; newer data keeps the window, stretched when it reached the end.
    const old = bounds.current;
    bounds.current = [points.minTime, points.maxTime];
    setRange((r) =>
      r === null || old === null
        ? [points.minTime, points.maxTime]
        : [r[0] <= old[0] ? points.minTime : r[0], r[1] >= old[1] ? points.maxTime : r[1]],
    );
  }, [points]);
  // New or changed reports (a verification, an import) show without a reload, a few seconds apart at most.
  const reloadMap = map.reload;
  const reloadZones = zones.reload;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvents(processId, (event) => {
    if (event.type === 'commitment.changed' && event.agreementId === agreementId) reloadZones();
    if (event.type !== 'event_report.changed' && event.type !== 'resync') return;
    if (pending.current === null)
      pending.current = setTimeout(() => {
        pending.current = null;
        reloadMap();
      }, 1500);
  });
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);

  const filter = useMemo(() => {
    const types = new Uint8Array(points?.types.length ?? 0);
    if (points && legend)
      for (let t = 0; t < types.length; t++)
        types[t] = hiddenTypes.has(legend.categoryOfType[t] as number) ? 0 : 1;
    const statuses = new Uint8Array(points?.statuses.length ?? 0).map((_, i) =>
      hiddenStatuses.has(i) ? 0 : 1,
    );
    const [from, to] = range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
    return { from, to, types, statuses };
  }, [points, legend, hiddenTypes, hiddenStatuses, range]);

  const focusId = params.get('event');
  const focus = useMemo(() => {
    if (!points || focusId === null) return null;
    const i = points.ids.indexOf(focusId);
    return i < 0 ? null : i;
  }, [points, focusId]);
  useEffect(() => {
    if (focusId !== null && focus !== null) setSelection({ kind: 'event', id: focusId });
  }, [focus, focusId]);
  const onSelect = useCallback(
    (s: MapSelection | null) => setSelection(s === null || points === null ? null : toSelection(s, points)),
    [points],
  );

  // Cluster answers arrive on every pan; the page re-renders only when the count or the state changes.
  const onClusters = useCallback(
    (n: number | null, busy: boolean) => setMatched((m) => (m.n === n && m.busy === busy ? m : { n, busy })),
    [],
  );
  const onRange = useCallback((from: number, to: number) => setRange([from, to]), []);

  if (map.state === 'loading') return <Loading label="Reading the events for the map…" />;
  if (map.state === 'error') return <ErrorBox error={map.error} onRetry={map.reload} />;
  if (points === null || legend === null) return null;
  const kinds = [...new Set(shapes.map((s) => s.zone.kind))] as ZoneKind[];
  const selected = selection?.kind === 'event' ? indexOf(points, selection.id) : null;
  const shown = selection === null ? null : fromSelection(selection, points);

  return (
    <div className="map-page">
      <header className="page-head map-head">
        <div>
          <p className="eyebrow">Monitoring · map</p>
          <h1>Events on the map</h1>
        </div>
        <p className="map-count" aria-live="polite">
          {points.count === 0
            ? 'No event with coordinates yet.'
            : matched.n === null
              ? `${points.count.toLocaleString()} events with coordinates`
              : `${matched.n.toLocaleString()} of ${points.count.toLocaleString()} events shown`}
          {matched.busy && points.count > 0 ? ' · updating…' : ''}
        </p>
      </header>
      <div className="map-layout">
        <div className="map-controls">
          {points.count > 0 && range !== null && (
            <TimeSlider
              min={points.minTime}
              max={points.maxTime}
              from={range[0]}
              to={range[1]}
              onChange={onRange}
            />
          )}
          {legend.categories.length > 0 && (
            <TypeFilter
              legend={legend}
              hidden={hiddenTypes}
              onToggle={(c) => setHiddenTypes((h) => toggle(h, c))}
              onOnly={(c) =>
                setHiddenTypes(
                  c === null ? new Set() : new Set(legend.categories.map((_, i) => i).filter((i) => i !== c)),
                )
              }
            />
          )}
          {points.count > 0 && (
            <StatusFilter
              statuses={points.statuses}
              counts={statusCounts}
              hidden={hiddenStatuses}
              onToggle={(s) => setHiddenStatuses((h) => toggle(h, s))}
            />
          )}
          <fieldset className="map-filter">
            <legend className="field-label">Zones</legend>
            {agreements.state === 'ready' && agreements.data.items.length > 0 ? (
              <label className="field">
                <span className="visually-hidden">Zones of the agreement</span>
                <select
                  value={agreementId ?? 'none'}
                  onChange={(e) =>
                    setParams(
                      (p) => {
                        const next = new URLSearchParams(p);
                        next.set('agreement', e.target.value);
                        return next;
                      },
                      { replace: true },
                    )
                  }
                >
                  <option value="none">No zones</option>
                  {agreements.data.items.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.title}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <p className="hint">No agreement with zones to show.</p>
            )}
            {zones.state === 'error' && <p className="field-error">{zones.error.detail}</p>}
            {zones.state === 'ready' && shapes.length === 0 && (
              <p className="hint">This agreement has no zones yet.</p>
            )}
            <ZoneKey kinds={kinds} />
            {agreementId !== null && (
              <Link href={`/processes/${processId}/agreements/${agreementId}/zones`}>
                The agreement’s zones
              </Link>
            )}
          </fieldset>
          <p className="hint">
            Only events with coordinates are on the map; the{' '}
            <Link href={`/processes/${processId}/events`}>list</Link> has them all.
          </p>
        </div>
        <div className="map-main">
          <MapCanvas
            points={points}
            categoryOfType={legend.categoryOfType}
            colours={colours}
            filter={filter}
            zones={shapes}
            selected={selected}
            focus={focus}
            onSelect={onSelect}
            onClusters={onClusters}
            label={`Map of ${points.count.toLocaleString()} events`}
          />
          {shown !== null && (
            <MapSidePanel
              processId={processId}
              points={points}
              selection={shown}
              onPick={(index) => setSelection({ kind: 'event', id: points.ids[index] ?? '' })}
              onClose={() => setSelection(null)}
            />
          )}
        </div>
      </div>
    </div>
  );
}
