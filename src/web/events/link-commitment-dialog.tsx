import { useState } from 'react';
import { PROGRESS_KINDS, type ProgressKind } from '../../domain/monitoring/monitoring-model.ts';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { PROGRESS_KIND_LABELS } from '../monitoring/monitoring-format.ts';
import type { AgreementList, CommitmentListResponse } from '../monitoring/monitoring-types.ts';
import type { EventReport } from './event-types.ts';

const KIND_EXPLAIN: Record<ProgressKind, string> = {
  progress: 'part of what is to be done (give the quantity if the commitment counts units)',
  completed: 'the commitment is now fulfilled',
  breached: 'the event breaks the commitment',
  disputed: 'a party disputes that the commitment is being kept',
  dispute_resolved: 'an earlier dispute is settled',
  reopened: 'a completed commitment is open again',
};

/** Links an event to a commitment of one of the process's agreements, and (when verified) records its progress. */
export function LinkCommitmentDialog({
  processId,
  report,
  onClose,
  onLinked,
}: {
  processId: string;
  report: EventReport;
  onClose: () => void;
  onLinked: () => void;
}) {
  const agreements = useResource<AgreementList>(`/processes/${processId}/agreements`);
  const [agreementId, setAgreementId] = useState('');
  const chosenAgreement = agreementId || agreements.data?.items[0]?.id || '';
  const commitments = useResource<CommitmentListResponse>(
    chosenAgreement === '' ? null : `/processes/${processId}/agreements/${chosenAgreement}/commitments`,
  );
  const linked = new Set(report.links.map((c) => c.commitmentId));
  const [commitmentId, setCommitmentId] = useState('');
  const [withProgress, setWithProgress] = useState(false);
  const [kind, setKind] = useState<ProgressKind>('progress');
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const verified = report.status === 'verified';
  const commitment = commitments.data?.items.find((c) => c.id === commitmentId);

  const form = useFormSubmit(
    () => {
      const q = quantity.trim() === '' ? undefined : Number(quantity);
      return api.post(`/processes/${processId}/event-reports/${report.id}/links`, {
        commitmentId,
        ...(verified && withProgress
          ? {
              progress: {
                kind,
                ...(q === undefined ? {} : { quantity: Number.isFinite(q) ? q : quantity }),
                note: note.trim(),
              },
            }
          : {}),
      });
    },
    onLinked,
    'The link could not be made. Try again.',
  );

  return (
    <Dialog title="Link to a commitment" onClose={onClose} size="large">
      {agreements.state === 'loading' && <Loading label="Reading the agreements…" />}
      {agreements.state === 'error' && <ErrorBox error={agreements.error} onRetry={agreements.reload} />}
      {agreements.state === 'ready' && agreements.data.items.length === 0 && (
        <p className="empty">
          No agreement has been adopted in this process yet, so there is nothing to link to.
        </p>
      )}
      {agreements.state === 'ready' && agreements.data.items.length > 0 && (
        <form onSubmit={form.onSubmit} className="event-form" aria-label="Link to a commitment">
          {agreements.data.items.length > 1 && (
            <label className="field">
              <span className="field-label">Agreement</span>
              <select
                value={chosenAgreement}
                onChange={(e) => {
                  setAgreementId(e.target.value);
                  setCommitmentId('');
                }}
              >
                {agreements.data.items.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title} ({a.versionLabel})
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="field">
            <label className="field-label" htmlFor="link-commitment">
              Commitment
            </label>
            {commitments.state === 'loading' && <Loading label="Reading the commitments…" />}
            {commitments.state === 'error' && <InlineError message={commitments.error.detail} />}
            {commitments.state === 'ready' && (
              <select
                id="link-commitment"
                value={commitmentId}
                required
                onChange={(e) => setCommitmentId(e.target.value)}
              >
                <option value="">Choose a commitment</option>
                {commitments.data.items.map((c) => (
                  // A linked commitment can still take this verified event's progress, once.
                  <option key={c.id} value={c.id} disabled={linked.has(c.id) && !verified}>
                    {c.pointNumber === null ? '' : `${c.pointNumber}. `}
                    {c.title}
                    {linked.has(c.id) ? (verified ? ' (linked: add its progress)' : ' (already linked)') : ''}
                  </option>
                ))}
              </select>
            )}
            <InlineError message={form.fieldError('commitmentId')} />
          </div>
          <fieldset className="field">
            <legend className="field-label">Progress</legend>
            {verified ? (
              <label className="choice">
                <input
                  type="checkbox"
                  checked={withProgress}
                  onChange={(e) => setWithProgress(e.target.checked)}
                />{' '}
                Also record what this event did to the commitment
              </label>
            ) : (
              <p className="hint">
                Only a verified event can move a commitment’s progress. This report is{' '}
                {report.status.replace('_', ' ')}: the link records that it concerns the commitment; verify it
                first to record progress.
              </p>
            )}
            {verified && withProgress && (
              <div className="event-progress-fields">
                <div className="form-row">
                  <label className="field grow">
                    <span className="field-label">What it records</span>
                    <select value={kind} onChange={(e) => setKind(e.target.value as ProgressKind)}>
                      {PROGRESS_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {PROGRESS_KIND_LABELS[k]} — {KIND_EXPLAIN[k]}
                        </option>
                      ))}
                    </select>
                    <InlineError message={form.fieldError('progress.kind')} />
                  </label>
                  <label className="field number-field">
                    <span className="field-label">
                      Quantity{commitment?.targetUnit ? ` (${commitment.targetUnit})` : ''}{' '}
                      <span className="optional">(optional)</span>
                    </span>
                    <input
                      inputMode="decimal"
                      value={quantity}
                      onChange={(e) => setQuantity(e.target.value)}
                    />
                    <InlineError message={form.fieldError('progress.quantity')} />
                  </label>
                </div>
                {commitment?.targetQuantity != null && (
                  <p className="hint">
                    Target: {commitment.targetQuantity.toLocaleString()} {commitment.targetUnit ?? ''}; done
                    so far: {commitment.quantityDone.toLocaleString()}.
                  </p>
                )}
                <label className="field">
                  <span className="field-label">Note</span>
                  <textarea
                    value={note}
                    rows={2}
                    maxLength={5000}
                    onChange={(e) => setNote(e.target.value)}
                  />
                  <InlineError message={form.fieldError('progress.note')} />
                </label>
                <p className="hint">The progress entry is dated when the event happened.</p>
              </div>
            )}
          </fieldset>
          <InlineError message={form.general} />
          <FormButtons
            busy={form.busy}
            disabled={commitmentId === ''}
            label={verified && withProgress ? 'Link and record progress' : 'Link'}
            busyLabel="Linking…"
            onCancel={onClose}
          />
        </form>
      )}
    </Dialog>
  );
}
