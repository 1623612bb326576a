import { useState } from 'react';
import { useLocation } from 'wouter';
import { useProcessTitle } from '../api/titles.ts';
import type { ProcessDetail } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useLiveEvents } from '../live/use-live-events.ts';
import { CalendarPanel } from '../meetings/calendar-panel.tsx';
import { MeetingForm } from '../meetings/meeting-form.tsx';
import { isUpcoming, viewerZone } from '../meetings/meeting-format.ts';
import { MeetingList } from '../meetings/meeting-list.tsx';
import type { MeetingList as MeetingListData } from '../meetings/meeting-types.ts';
import '../styles/meetings.css';

/** The meetings of a process the reader may see: upcoming first (soonest on top), then past ones. */
export default function MeetingsPage({ processId }: { processId: string }) {
  const list = useResource<MeetingListData>(`/processes/${processId}/meetings`);
  const canManage = list.data?.canManage ?? false;
  const overview = useResource<ProcessDetail>(canManage ? `/processes/${processId}` : null);
  const processTitle = useProcessTitle(processId);
  const [creating, setCreating] = useState(false);
  const [, navigate] = useLocation();
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Meetings' },
  ]);
  useLiveEvents(processId, (event) => {
    if (event.type === 'meeting.changed' || event.type === 'membership.changed' || event.type === 'resync')
      list.reload();
  });

  if (list.state === 'loading') return <Loading label="Opening the meetings…" />;
  if (list.state === 'error') return <ErrorBox error={list.error} onRetry={list.reload} />;
  const now = Date.now();
  const upcoming = list.data.items.filter((m) => isUpcoming(m, now));
  const past = list.data.items.filter((m) => !isUpcoming(m, now)).reverse();

  return (
    <div className="wide">
      <header className="page-head">
        <p className="eyebrow">Meetings</p>
        <h1>Rounds, briefings and calls</h1>
        <p className="lead">
          {canManage
            ? 'Every meeting of the process. Each party sees only the meetings it takes part in.'
            : 'The meetings your party takes part in.'}{' '}
          Times are shown at the venue and in your own time zone ({viewerZone()}).
        </p>
        {canManage && (
          <button
            type="button"
            className="button button-primary"
            disabled={overview.state !== 'ready'}
            onClick={() => setCreating(true)}
          >
            Schedule a meeting
          </button>
        )}
      </header>
      <div className="meetings-layout">
        <div>
          <section className="panel" aria-labelledby="upcoming-meetings">
            <h2 id="upcoming-meetings">Upcoming</h2>
            <MeetingList processId={processId} meetings={upcoming} empty="No meetings ahead." />
          </section>
          <section className="panel" aria-labelledby="past-meetings">
            <h2 id="past-meetings">Past</h2>
            <MeetingList processId={processId} meetings={past} empty="No meetings yet." />
          </section>
        </div>
        <CalendarPanel processId={processId} />
      </div>
      {creating && overview.state === 'ready' && (
        <MeetingForm
          processId={processId}
          overview={overview.data}
          onClose={() => setCreating(false)}
          onSaved={(m) => {
            setCreating(false);
            navigate(`/processes/${processId}/meetings/${m.id}`);
          }}
        />
      )}
    </div>
  );
}
