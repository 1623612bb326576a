import { useEffect } from 'react';
import { rememberProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../auth/session.tsx';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { formatDate } from '../components/format.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { MembersTable } from '../process/members-table.tsx';
import { PartiesSection } from '../process/parties-section.tsx';
import { PlansSection } from '../process/plans-section.tsx';

export function ProcessPage({ processId }: { processId: string }) {
  const detail = useResource<ProcessDetail>(`/processes/${processId}`);
  const { state } = useSession();
  const title = detail.data?.process.title;
  useBreadcrumb(title === undefined ? [] : [{ label: title, href: `/processes/${processId}` }]);
  useEffect(() => {
    if (title !== undefined) rememberProcessTitle(processId, title);
  }, [processId, title]);

  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'error') return <ErrorBox error={detail.error} onRetry={detail.reload} />;

  const { process, parties, members, plans, viewer } = detail.data;
  const userId = state.status === 'signed-in' ? state.user.id : '';
  const role = viewer?.role ?? members.find((m) => m.userId === userId)?.role;
  const isMediator = role === 'mediator';

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Process · started {formatDate(process.createdAt)}</p>
        <h1>{process.title}</h1>
        {process.description !== '' && <p className="lead">{process.description}</p>}
      </header>
      <PlansSection processId={processId} plans={plans} canCreate={isMediator} onChanged={detail.reload} />
      <div className="two-col two-col-even">
        <PartiesSection
          processId={processId}
          parties={parties}
          canAdd={isMediator}
          onAdded={(party) => detail.set({ ...detail.data, parties: [...parties, party] })}
        />
        <MembersTable
          processId={processId}
          members={members}
          parties={parties}
          canAdd={isMediator}
          onAdded={() => detail.reload()}
        />
      </div>
    </div>
  );
}
