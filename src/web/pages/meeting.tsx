import { useState } from 'react';
import { Link } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { viewerCan } from '../auth/viewer.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { MeetingForm } from '../meetings/meeting-form.tsx';
import { placeLabel } from '../meetings/meeting-format.ts';
import type { Meeting } from '../meetings/meeting-types.ts';
import { MeetingWhen } from '../meetings/meeting-when.tsx';
import { StatusBadge } from '../meetings/status-badge.tsx';
import { StatusDialog } from '../meetings/status-dialog.tsx';
import { StatusHistory } from '../meetings/status-history.tsx';
import { PartySwatch } from '../process/party-swatch.tsx';
import '../styles/meetings.css';

/** One meeting: when and where, who takes part, the texts presented or released, outcome, history. */
export default function MeetingPage({ processId, meetingId }: { processId: string; meetingId: string }) {
  const res = useResource<{ meeting: Meeting }>(`/processes/${processId}/meetings/${meetingId}`);
  const overview = useResource<ProcessDetail>(`/processes/${processId}`);
  const canManage = viewerCan(overview.data?.viewer, 'meeting.manage');
  const processTitle = useProcessTitle(processId);
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const meeting = res.data?.meeting;
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Meetings', href: `/processes/${processId}/meetings` },
    { label: meeting?.title ?? 'Meeting' },
  ]);
  useLiveEvents(processId, (event) => {
    if ((event.type === 'meeting.changed' && event.meetingId === meetingId) || event.type === 'resync')
      res.reload();
  });

  if (res.state === 'loading') return <Loading label="Opening the meeting…" />;
  if (res.state === 'error') return <ErrorBox error={res.error} onRetry={res.reload} />;
  const m = res.data.meeting;
  const saved = (updated: Meeting) => {
    setDialog(null);
    res.set({ meeting: updated });
  };
  const presented = m.versions.filter((v) => v.role === 'presented');
  const released = m.versions.filter((v) => v.role === 'released');

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Meeting</p>
        <h1 className="meeting-heading">
          {m.title} <StatusBadge status={m.status} toBeFixed={m.dateToBeFixed} />
        </h1>
        <p className="meeting-head-meta">
          {m.dateToBeFixed && <strong>New date to be fixed. Last planned for: </strong>}
          <MeetingWhen startsAt={m.startsAt} endsAt={m.endsAt} timeZone={m.timeZone} />
        </p>
        <p className="meeting-head-meta">{placeLabel(m)}</p>
        {canManage && (
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={overview.state !== 'ready'}
              onClick={() => setDialog('edit')}
            >
              Edit meeting
            </button>
            {m.nextStatuses.length > 0 && (
              <button type="button" className="button" onClick={() => setDialog('status')}>
                Change status
              </button>
            )}
          </div>
        )}
      </header>
      <div className="meeting-detail">
        <div>
          <section className="panel" aria-labelledby="meeting-outcome">
            <h2 id="meeting-outcome">Outcome</h2>
            {m.outcome === '' ? (
              <p className="empty">{m.status === 'held' ? 'No outcome notes recorded.' : 'Not held yet.'}</p>
            ) : (
              <p className="meeting-outcome">{m.outcome}</p>
            )}
          </section>
          <section className="panel" aria-labelledby="meeting-texts">
            <h2 id="meeting-texts">Texts</h2>
            {m.versions.length === 0 ? (
              <p className="empty">No text presented or released at this meeting that your party holds.</p>
            ) : (
              <>
                <VersionLinks title="Presented" items={presented} />
                <VersionLinks title="Released" items={released} />
              </>
            )}
          </section>
          <section className="panel" aria-labelledby="meeting-history">
            <h2 id="meeting-history">Status history</h2>
            <StatusHistory history={m.history} />
          </section>
        </div>
        <section className="panel" aria-labelledby="meeting-participants">
          <h2 id="meeting-participants">Participants</h2>
          {m.participants.length === 0 ? (
            <p className="empty">No participants recorded.</p>
          ) : (
            <ul className="participant-list">
              {m.participants.map((p) => (
                <li key={p.id}>
                  {p.party && <PartySwatch colour={p.party.colour} />}{' '}
                  {p.kind === 'party' ? <strong>{p.name}</strong> : p.name}
                  {p.kind === 'person' && p.party && <span className="participant-code">{p.party.code}</span>}
                  {p.kind === 'party' && <span className="muted"> · delegation</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {dialog === 'edit' && overview.state === 'ready' && (
        <MeetingForm
          processId={processId}
          overview={overview.data}
          meeting={m}
          onClose={() => setDialog(null)}
          onSaved={saved}
        />
      )}
      {dialog === 'status' && (
        <StatusDialog processId={processId} meeting={m} onClose={() => setDialog(null)} onChanged={saved} />
      )}
    </div>
  );
}

function VersionLinks({ title, items }: { title: string; items: Meeting['versions'] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="version-links">
        {items.map((v) => (
          <li key={`${v.versionId}-${v.role}`}>
            <Link href={`/plans/${v.planId}/versions/${v.versionId}`}>{v.label}</Link>{' '}
            <span className="muted">· {v.planTitle}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
