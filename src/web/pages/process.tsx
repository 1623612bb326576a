import { useEffect } from 'react';
import { Link } from 'wouter';
import { rememberProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { formatDate } from '../components/format.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { MembersTable } from '../process/members-table.tsx';
import { PartiesSection } from '../process/parties-section.tsx';
import { PlansSection } from '../process/plans-section.tsx';

export function ProcessPage({ processId }: { processId: string }) {
  const detail = useResource<ProcessDetail>(`/processes/${processId}`);
  const title = detail.data?.process.title;
  useBreadcrumb(title === undefined ? [] : [{ label: title, href: `/processes/${processId}` }]);
  useEffect(() => {
    if (title !== undefined) rememberProcessTitle(processId, title);
  }, [processId, title]);
  // A version released to the reader's party, a new version or a new member shows up as it happens.
  useLiveEvents(processId, (event) => {
    if (
      event.type === 'release.created' ||
      event.type === 'version.cut' ||
      event.type === 'membership.changed' ||
      event.type === 'resync'
    )
      detail.reload();
  });

  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'error') return <ErrorBox error={detail.error} onRetry={detail.reload} />;

  const { process, parties, members, plans, viewer } = detail.data;
  const canManage = viewerCan(viewer, 'process.manage');

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Process · started {formatDate(process.createdAt)}</p>
        <h1>{process.title}</h1>
        {process.description !== '' && <p className="lead">{process.description}</p>}
        <nav className="process-links" aria-label="About this process">
          <Link href={`/processes/${processId}/consultation`}>Consultation log</Link>
          <Link href={`/processes/${processId}/meetings`}>Meetings</Link>
          <Link href={`/processes/${processId}/timeline`}>Timeline</Link>
          <Link href={`/processes/${processId}/monitoring`}>Monitoring</Link>
          {viewerCan(viewer, 'audit.read') && <Link href={`/processes/${processId}/audit`}>Audit log</Link>}
        </nav>
      </header>
      <PlansSection
        processId={processId}
        plans={plans}
        canCreate={viewerCan(viewer, 'plan.create')}
        readsDraft={viewerCan(viewer, 'draft.read')}
        onChanged={detail.reload}
      />
      <div className="two-col two-col-even">
        <PartiesSection
          processId={processId}
          parties={parties}
          canAdd={canManage}
          onAdded={(party) => detail.set({ ...detail.data, parties: [...parties, party] })}
        />
        <MembersTable
          processId={processId}
          members={members}
          parties={parties}
          canAdd={canManage}
          onAdded={() => detail.reload()}
        />
      </div>
    </div>
  );
}
