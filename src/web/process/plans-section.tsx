import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { PlanSummary, ProcessPlanRow } from '../api/types.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { ImportDialog } from './import-dialog.tsx';

interface Props {
  processId: string;
  plans: ProcessPlanRow[];
  canCreate: boolean;
  /** The mediator team opens the working draft; everyone else the newest version their party holds. */
  readsDraft: boolean;
  onChanged: () => void;
}

export function PlansSection({ processId, plans, canCreate, readsDraft }: Props) {
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [, navigate] = useLocation();

  return (
    <section className="panel" aria-labelledby="plans-heading">
      <div className="section-head">
        <h2 id="plans-heading">Plans</h2>
        {canCreate && (
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => setCreating((c) => !c)}
              aria-expanded={creating}
            >
              New plan
            </button>
            <button type="button" className="button" onClick={() => setImporting(true)}>
              Import plan
            </button>
          </div>
        )}
      </div>
      {creating && <NewPlanForm processId={processId} onCancel={() => setCreating(false)} />}
      {plans.length === 0 ? (
        <p className="empty">
          {canCreate
            ? 'No plans yet. Start an empty plan or import a published text.'
            : 'No plan text has been shared with your party yet. The mediation team’s working drafts stay with them until a version is released to you.'}
        </p>
      ) : (
        <table className="table plans-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col" className="num">
                {readsDraft ? 'Versions' : 'Versions you hold'}
              </th>
              <th scope="col">{readsDraft ? 'Latest version' : 'Newest you hold'}</th>
              {readsDraft && <th scope="col">Draft updated</th>}
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={planHref(p, readsDraft)} className="plan-link">
                    {p.title === '' ? 'Untitled plan' : p.title}
                  </Link>
                  <span className="plan-sublinks">
                    <Link href={`/plans/${p.id}/positions`}>Positions</Link>
                    <Link href={`/plans/${p.id}/amendments`}>Amendments</Link>
                    <Link href={`/plans/${p.id}/preferences`}>Preferences</Link>
                    {readsDraft && <Link href={`/plans/${p.id}/analysis`}>Analysis</Link>}
                  </span>
                </td>
                <td className="num">{p.pointCount}</td>
                <td className="num">{p.versionCount}</td>
                <td className="date">
                  {p.latestVersion === null ? (
                    <span className="muted">none yet</span>
                  ) : (
                    <>
                      {p.latestVersion.label}
                      <span className="muted"> · {formatDate(p.latestVersion.createdAt)}</span>
                    </>
                  )}
                </td>
                {readsDraft && (
                  <td className="date">{p.updatedAt === null ? '' : formatDateTime(p.updatedAt)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {importing && (
        <ImportDialog
          processId={processId}
          onClose={() => setImporting(false)}
          onCreated={(plan) => navigate(`/plans/${plan.id}`)}
        />
      )}
    </section>
  );
}

function planHref(plan: ProcessPlanRow, readsDraft: boolean): string {
  if (readsDraft || plan.latestVersion === null) return `/plans/${plan.id}`;
  return `/plans/${plan.id}/versions/${plan.latestVersion.id}`;
}

function NewPlanForm({ processId, onCancel }: { processId: string; onCancel: () => void }) {
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const { plan } = await api.post<{ plan: PlanSummary }>(`/processes/${processId}/plans`, {
        title: title.trim(),
      });
      navigate(`/plans/${plan.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="New plan">
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">Plan title</span>
          <input
            required
            autoFocus
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
      </div>
      <InlineError message={error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || title.trim() === ''}>
          {busy ? 'Creating…' : 'Create empty plan'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
