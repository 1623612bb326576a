import { useState } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import type { CalendarFeedState } from './meeting-types.ts';

/**
 * "Subscribe in your calendar": the reader's own secret feed URL for this process. The URL is
 * shown once, right after it is made (only its hash is kept); replacing or revoking it cuts off
 * every calendar app that used the old one.
 */
export function CalendarPanel({ processId }: { processId: string }) {
  const state = useResource<CalendarFeedState>(`/processes/${processId}/calendar-feed`);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const feed = state.state === 'ready' ? state.data.feed : null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch {
      setError('That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    run(async () => {
      const created = await api.post<{ feed: NonNullable<CalendarFeedState['feed']>; url: string }>(
        `/processes/${processId}/calendar-feed`,
      );
      setUrl(created.url);
      setCopied(false);
      state.set({ feed: created.feed });
    });
  const revoke = () =>
    run(async () => {
      await api.delete(`/processes/${processId}/calendar-feed`);
      setUrl(null);
      state.set({ feed: null });
    });
  const copy = async () => {
    if (url === null) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setError('Copying was refused by the browser: select the address and copy it by hand.');
    }
  };

  return (
    <section className="panel calendar-panel" aria-labelledby="calendar-panel-title">
      <h2 id="calendar-panel-title">Subscribe in your calendar</h2>
      <p>
        A secret address for Outlook, Apple Calendar or Google Calendar, with the meetings you can see here.
        It follows changes, postponements and cancellations.
      </p>
      <p className="calendar-warning">
        <strong>Anyone who has the address sees your meetings</strong> — titles, places, participants and
        outcome notes — without signing in. Keep it to your own calendar, and revoke it if it may have been
        passed on.
      </p>
      {url !== null && (
        <div className="calendar-url">
          <label className="field">
            <span className="field-label">Your calendar address (shown only now)</span>
            <input readOnly value={url} onFocus={(e) => e.target.select()} className="mono" />
          </label>
          <button type="button" className="button button-primary" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy address'}
          </button>
        </div>
      )}
      {state.state === 'ready' && (
        <p className="muted">
          {feed === null
            ? 'You have no calendar address for this process.'
            : `Your address was made on ${formatDateTime(feed.createdAt)}.${url === null ? ' It is not shown again; make a new one if you lost it.' : ''}`}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void create()}>
          {feed === null ? 'Create my calendar address' : 'Replace with a new address'}
        </button>
        {feed !== null && (
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => void revoke()}
          >
            Revoke
          </button>
        )}
      </div>
      <InlineError message={error} />
    </section>
  );
}
