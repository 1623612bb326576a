import { useState } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../auth/session.tsx';
import { Dialog } from '../components/dialog.tsx';
import { formatDateTime } from '../components/format.ts';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import type { SessionView } from './account-types.ts';
import { useAction } from './use-action.ts';
import { describeUserAgent } from './user-agent.ts';

/** Where the account is signed in: end one session, or all of them ("sign out everywhere"). */
export function SessionsSection() {
  const sessions = useResource<{ items: SessionView[] }>('/me/sessions');
  const { forget } = useSession();
  const [confirming, setConfirming] = useState(false);
  const endOne = useAction(
    async (session: SessionView) => {
      await api.delete(`/me/sessions/${session.id}`);
      return session.current;
    },
    (wasCurrent) => (wasCurrent ? forget() : sessions.reload()),
    'The session could not be ended.',
  );
  const everywhere = useAction(
    () => api.post('/auth/sign-out-everywhere'),
    () => forget(),
    'Could not sign out everywhere.',
  );

  return (
    <section className="panel" aria-labelledby="sessions-heading">
      <div className="section-head">
        <h2 id="sessions-heading">Sessions</h2>
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Sign out everywhere…
        </button>
      </div>
      <p className="hint">
        A session ends after 30 minutes without use and 12 hours after signing in. End any you do not
        recognise, then change your password.
      </p>
      {sessions.state === 'loading' && <Loading />}
      {sessions.state === 'error' && <ErrorBox error={sessions.error} onRetry={sessions.reload} />}
      {sessions.state === 'ready' && (
        <table className="table">
          <caption className="visually-hidden">Your open sessions, most recently used first</caption>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((s) => (
              <tr key={s.id}>
                <td title={s.userAgent ?? undefined}>
                  {describeUserAgent(s.userAgent)}
                  {s.current && <span className="chip current-chip">this browser</span>}
                </td>
                <td className="date">{formatDateTime(s.createdAt)}</td>
                <td className="date">{formatDateTime(s.lastSeenAt)}</td>
                <td className="num">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={endOne.busy}
                    aria-label={`Sign out ${describeUserAgent(s.userAgent)}, signed in ${formatDateTime(s.createdAt)}`}
                    onClick={() => endOne.run(s)}
                  >
                    Sign out
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InlineError message={endOne.message} />
      {confirming && (
        <Dialog
          title="Sign out everywhere?"
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={everywhere.busy}
                onClick={() => everywhere.run()}
              >
                {everywhere.busy ? 'Signing out…' : 'Sign out everywhere'}
              </button>
            </>
          }
        >
          <p>
            Every session of your account ends, this one included: you will sign in again here. API tokens
            keep working; revoke them below if they may be in the wrong hands.
          </p>
          <InlineError message={everywhere.message} />
        </Dialog>
      )}
    </section>
  );
}
