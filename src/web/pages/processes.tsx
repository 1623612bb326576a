import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { type ProcessInfo, type ProcessListItem, ROLE_LABELS } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { plural } from '../components/format.ts';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';

export function ProcessesPage() {
  useBreadcrumb([], 'Processes');
  const list = useResource<{ items: ProcessListItem[] }>('/processes');

  return (
    <div className="wide">
      <div className="page-head">
        <h1>Processes</h1>
        <p className="muted">Each process is one negotiation, with its parties, members and plans.</p>
      </div>
      <div className="two-col">
        <section aria-labelledby="process-list-heading">
          <h2 id="process-list-heading" className="visually-hidden">
            Your processes
          </h2>
          {list.state === 'loading' && <Loading />}
          {list.state === 'error' && <ErrorBox error={list.error} onRetry={list.reload} />}
          {list.state === 'ready' && list.data.items.length === 0 && (
            <p className="empty">You are not a member of any process yet. Start one with the form.</p>
          )}
          {list.state === 'ready' && list.data.items.length > 0 && (
            <ul className="card-list">
              {list.data.items.map((p) => (
                <li key={p.id} className="card process-card">
                  <h3>
                    <Link href={`/processes/${p.id}`}>{p.title}</Link>
                  </h3>
                  {p.description !== '' && <p className="process-description">{p.description}</p>}
                  <p className="meta">
                    {p.membership !== null ? (
                      <span>
                        {p.membership.partyName} · {ROLE_LABELS[p.membership.role]}
                      </span>
                    ) : (
                      <span>Not a member</span>
                    )}
                    {p.planCount !== null && <span>{plural(p.planCount, 'plan')}</span>}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <NewProcessForm />
      </div>
    </div>
  );
}

function NewProcessForm() {
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = description.trim() === '' ? { title: title.trim() } : { title: title.trim(), description };
      const { process } = await api.post<{ process: ProcessInfo }>('/processes', body);
      navigate(`/processes/${process.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-process-heading">
      <h2 id="new-process-heading">New process</h2>
      <p className="muted small">You become its mediator, in a “Mediation team” party.</p>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">Title</span>
          <input required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">
            Description <span className="optional">optional</span>
          </span>
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <InlineError message={error} />
        <button type="submit" className="button button-primary" disabled={busy || title.trim() === ''}>
          {busy ? 'Creating…' : 'Create process'}
        </button>
      </form>
    </section>
  );
}
