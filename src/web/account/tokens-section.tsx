import { useState } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { Dialog } from '../components/dialog.tsx';
import { formatDateTime } from '../components/format.ts';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import type { ApiTokenView } from './account-types.ts';
import { useAction } from './use-action.ts';

const SCOPE_LABELS = { read: 'Read only', write: 'Read and write' } as const;

/** API tokens for scripts: create one (its secret shown once), see when each was last used, revoke. */
export function TokensSection() {
  const tokens = useResource<{ items: ApiTokenView[] }>('/me/tokens');
  const [created, setCreated] = useState<{ token: ApiTokenView; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const revoke = useAction(
    (token: ApiTokenView) => api.delete(`/me/tokens/${token.id}`),
    () => {
      setRevoking(null);
      tokens.reload();
    },
    'The token could not be revoked.',
  );

  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="hint">
        Scripts and the command line sign in with a token, sent as <code>Authorization: Bearer …</code>. A
        read-only token can never change anything. Tokens do not expire: revoke the ones you no longer use.
      </p>
      {tokens.state === 'loading' && <Loading />}
      {tokens.state === 'error' && <ErrorBox error={tokens.error} onRetry={tokens.reload} />}
      {tokens.state === 'ready' && tokens.data.items.length === 0 && <p className="empty">No API tokens.</p>}
      {tokens.state === 'ready' && tokens.data.items.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Your API tokens, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Access</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{SCOPE_LABELS[t.scope]}</td>
                <td className="date">{formatDateTime(t.createdAt)}</td>
                <td className="date">{t.lastUsedAt === null ? 'never' : formatDateTime(t.lastUsedAt)}</td>
                <td className="num">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Revoke the token “${t.name}”`}
                    onClick={() => setRevoking(t)}
                  >
                    Revoke…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {created !== null ? (
        <NewSecret
          created={created}
          onDone={() => {
            setCreated(null);
            tokens.reload();
          }}
        />
      ) : (
        <NewTokenForm onCreated={setCreated} />
      )}
      {revoking !== null && (
        <Dialog
          title="Revoke this token?"
          onClose={() => setRevoking(null)}
          footer={
            <>
              <button type="button" className="button button-quiet" onClick={() => setRevoking(null)}>
                Keep it
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={revoke.busy}
                onClick={() => revoke.run(revoking)}
              >
                {revoke.busy ? 'Revoking…' : 'Revoke'}
              </button>
            </>
          }
        >
          <p>
            Scripts using “{revoking.name}” are refused from now on. This cannot be undone; create a new token
            if one is needed again.
          </p>
          <InlineError message={revoke.message} />
        </Dialog>
      )}
    </section>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (c: { token: ApiTokenView; secret: string }) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const create = useAction(
    () => api.post<{ token: ApiTokenView; secret: string }>('/me/tokens', { name: name.trim(), scope }),
    (result) => {
      setName('');
      setScope('read');
      onCreated(result);
    },
    'The token could not be created.',
    ['name', 'scope'],
  );
  return (
    <form className="inline-form account-form" onSubmit={create.onSubmit} aria-label="Create an API token">
      <label className="field">
        <span className="field-label">New token’s name</span>
        <input
          required
          maxLength={100}
          placeholder="e.g. nightly export"
          aria-invalid={create.fieldError('name') !== undefined}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <InlineError message={create.fieldError('name')} />
      </label>
      <fieldset>
        <legend className="field-label">Access</legend>
        <div className="button-row">
          {(['read', 'write'] as const).map((s) => (
            <label key={s} className="checkbox">
              <input type="radio" name="token-scope" checked={scope === s} onChange={() => setScope(s)} />
              {SCOPE_LABELS[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <InlineError message={create.general} />
      <div className="button-row">
        <button type="submit" className="button" disabled={create.busy || name.trim() === ''}>
          {create.busy ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}

/** The one time the secret is shown: copy it now. */
function NewSecret({
  created,
  onDone,
}: {
  created: { token: ApiTokenView; secret: string };
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="inline-form new-secret" role="status">
      <p>
        <strong>Token “{created.token.name}” created.</strong> Copy it now: it is shown only this once.
      </p>
      <input
        className="secret"
        readOnly
        aria-label="The new token"
        value={created.secret}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard?.writeText(created.secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
