import { useMemo } from 'react';
import { Link } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { plural } from '../components/format.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import type { Agreement, CommitmentListResponse } from '../monitoring/monitoring-types.ts';
import { areaLabel } from '../zones/zone-format.ts';
import { ZoneImportForm } from '../zones/zone-import-form.tsx';
import { ZoneList } from '../zones/zone-list.tsx';
import type { ZoneList as ZoneListData } from '../zones/zone-types.ts';
import { ZonesMap } from '../zones/zones-map.tsx';
import '../styles/events.css';
import '../styles/map.css';

/** The zones of an agreement (lines of contact, buffer zones, areas to vacate), with their import. */
export default function ZonesPage({ processId, agreementId }: { processId: string; agreementId: string }) {
  const detail = useResource<ProcessDetail>(`/processes/${processId}`);
  const agreement = useResource<{ agreement: Agreement }>(
    `/processes/${processId}/agreements/${agreementId}`,
  );
  const zones = useResource<ZoneListData>(`/processes/${processId}/agreements/${agreementId}/zones`);
  const commitments = useResource<CommitmentListResponse>(
    `/processes/${processId}/agreements/${agreementId}/commitments`,
  );
  const processTitle = useProcessTitle(processId);
  const title = agreement.data?.agreement.title;
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: title ?? 'Agreement', href: `/processes/${processId}/agreements/${agreementId}` },
    { label: 'Zones' },
  ]);
  // Points are named by the commitments drawn from them: the page need not read the adopted text.
  const points = useMemo(() => {
    const seen = new Map<string, string>();
    for (const c of commitments.data?.items ?? [])
      if (c.pointId !== null && !seen.has(c.pointId))
        seen.set(c.pointId, `${c.pointNumber === null ? '' : `Point ${c.pointNumber}: `}${c.title}`);
    return [...seen].map(([id, label]) => ({ id, label }));
  }, [commitments.data]);

  if (zones.state === 'loading' || detail.state === 'loading') return <Loading label="Opening the zones…" />;
  if (zones.state === 'error') return <ErrorBox error={zones.error} onRetry={zones.reload} />;
  if (detail.state === 'error') return <ErrorBox error={detail.error} onRetry={detail.reload} />;
  const canImport = viewerCan(detail.data.viewer, 'monitoring.import');
  const items = zones.data.items;
  const totalArea = items.reduce((s, z) => s + (z.areaKm2 ?? 0), 0);
  const pointLabel = (id: string) => points.find((p) => p.id === id)?.label ?? 'A point of the text';

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Agreement · zones</p>
        <h1>Zones{title ? ` of ${title}` : ''}</h1>
        <p className="lead">
          Lines of contact, buffer zones and areas to vacate, tied to the points of the adopted text, with
          their area.
        </p>
        <p>
          <Link href={`/processes/${processId}/map?agreement=${agreementId}`}>
            Show them with the events on the map
          </Link>
        </p>
      </header>
      <div className="zones-layout">
        <section className="panel" aria-labelledby="zones-list">
          <h2 id="zones-list">
            {plural(items.length, 'zone')}
            {totalArea > 0 && <span className="muted"> · {areaLabel(totalArea)} in all</span>}
          </h2>
          <ZoneList
            processId={processId}
            zones={items}
            pointLabel={pointLabel}
            canDelete={canImport}
            onDeleted={(id) => zones.set({ items: items.filter((z) => z.id !== id) })}
          />
          {items.length > 0 && <ZonesMap zones={items} label={`Map of ${plural(items.length, 'zone')}`} />}
        </section>
        {canImport && (
          <section className="panel" aria-labelledby="zones-import">
            <h2 id="zones-import">Import zones from GeoJSON</h2>
            <ZoneImportForm
              processId={processId}
              agreementId={agreementId}
              points={points}
              onImported={(added) => zones.set({ items: [...items, ...added] })}
            />
          </section>
        )}
      </div>
    </div>
  );
}
