import { useState } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../components/format.ts';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import type { SignInEvent } from './account-types.ts';
import { useAction } from './use-action.ts';
import { describeUserAgent } from './user-agent.ts';

const PAGE = 20;

type Page = { items: SignInEvent[]; nextBefore: number | null };

/** What an event means, in words. */
export function describeEvent(e: SignInEvent): string {
  switch (e.action) {
    case 'auth.sign_in':
      return 'Signed in';
    case 'auth.sign_in_failed':
      return e.reason === 'code'
        ? 'Failed sign-in: wrong two-factor code'
        : e.reason === 'disabled'
          ? 'Failed sign-in: account disabled'
          : 'Failed sign-in: wrong password';
    case 'auth.locked':
      return 'Signing in paused after too many failures';
    case 'auth.sign_out':
      return 'Signed out';
    case 'auth.sign_out_everywhere':
      return 'Signed out everywhere';
    case 'auth.session_revoked':
      return 'Ended a session';
    case 'auth.credential_refused':
      return `Refused ${e.credential === 'token' ? 'an API token' : 'a session'}${e.reason ? ` (${e.reason})` : ''}`;
    case 'auth.csrf_refused':
      return 'Refused a change sent from another site';
    case 'auth.reauth_failed':
      return `Wrong ${e.reason === 'code' ? 'code' : 'password'} when changing account settings`;
    case 'auth.password_changed':
      return 'Password changed';
    case 'auth.totp_setup_started':
      return 'Two-factor setup started';
    case 'auth.totp_enabled':
      return 'Two-factor sign-in turned on';
    case 'auth.totp_disabled':
      return 'Two-factor sign-in turned off';
    case 'token.create':
      return 'API token created';
    case 'token.revoke':
      return 'API token revoked';
    default:
      return e.action;
  }
}

/** The account's own sign-ins, failures and changes, newest first, with older pages on demand. */
export function SignInHistorySection() {
  const first = useResource<Page>(`/me/sign-ins?limit=${PAGE}`);
  const [older, setOlder] = useState<Page | null>(null);
  const more = useAction(
    (before: number) => api.get<Page>(`/me/sign-ins?limit=${PAGE}&before=${before}`),
    (page) => setOlder((o) => ({ items: [...(o?.items ?? []), ...page.items], nextBefore: page.nextBefore })),
    'Older entries could not be loaded.',
  );
  const items = first.state === 'ready' ? [...first.data.items, ...(older?.items ?? [])] : [];
  const next = older !== null ? older.nextBefore : first.state === 'ready' ? first.data.nextBefore : null;

  return (
    <section className="panel" aria-labelledby="history-heading">
      <div className="section-head">
        <h2 id="history-heading">Sign-in history</h2>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setOlder(null);
            first.reload();
          }}
        >
          Refresh
        </button>
      </div>
      <p className="hint">
        If you see a sign-in you do not recognise, change your password and sign out everywhere.
      </p>
      {first.state === 'loading' && <Loading />}
      {first.state === 'error' && <ErrorBox error={first.error} onRetry={first.reload} />}
      {first.state === 'ready' && items.length === 0 && <p className="empty">Nothing recorded yet.</p>}
      {items.length > 0 && (
        <table className="table history-table">
          <caption className="visually-hidden">Sign-in history, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">From</th>
              <th scope="col">Browser</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.seq} className={e.failed ? 'history-failed' : undefined}>
                <td className="date">{formatDateTime(e.at)}</td>
                <td>
                  {e.failed && <span className="visually-hidden">Warning: </span>}
                  {describeEvent(e)}
                </td>
                <td className="mono">{e.ip ?? '—'}</td>
                <td title={e.userAgent ?? undefined}>
                  {e.userAgent === null ? '—' : describeUserAgent(e.userAgent)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InlineError message={more.message} />
      {next !== null && (
        <div className="button-row">
          <button type="button" className="button" disabled={more.busy} onClick={() => more.run(next)}>
            {more.busy ? 'Loading…' : 'Show older'}
          </button>
        </div>
      )}
    </section>
  );
}
