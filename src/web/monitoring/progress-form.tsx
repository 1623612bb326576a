import { useState } from 'react';
import { PROGRESS_KINDS } from '../../domain/monitoring/monitoring-model.ts';
import { api } from '../api/client.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { fromLocalInput, PROGRESS_KIND_LABELS, toLocalInput } from './monitoring-format.ts';
import type { LinkedEvent, ProgressKind } from './monitoring-types.ts';
import { useSubmit } from './use-submit.ts';

const KIND_HINTS: Record<ProgressKind, string> = {
  progress: 'Part of the work was done (with the number delivered, if the commitment counts something).',
  completed: 'The commitment was carried out in full.',
  breached:
    'A party acted against the commitment: it reads as breached until a dispute is resolved or it is reopened.',
  disputed: 'Whether it was honoured is contested.',
  dispute_resolved: 'The dispute or breach is settled; the status follows the progress again.',
  reopened: 'Work resumes after a breach or dispute.',
};

/** Records what happened towards a commitment on the ground (monitors and the mediator team). */
export function ProgressForm({
  processId,
  commitmentId,
  unit,
  events,
  onCancel,
  onSaved,
}: {
  processId: string;
  commitmentId: string;
  unit: string | null;
  /** Verified event reports linked to the commitment, which the entry may rest on. */
  events: readonly LinkedEvent[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const [occurredAt, setOccurredAt] = useState(toLocalInput(new Date().toISOString()));
  const [kind, setKind] = useState<ProgressKind>('progress');
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [eventReportId, setEventReportId] = useState('');
  const verified = events.filter((e) => e.status === 'verified');
  const form = useSubmit(
    () =>
      api.post(`/processes/${processId}/commitments/${commitmentId}/progress`, {
        occurredAt: fromLocalInput(occurredAt) ?? occurredAt,
        kind,
        ...(quantity === '' ? {} : { quantity: Number(quantity) }),
        note: note.trim(),
        ...(eventReportId === '' ? {} : { eventReportId }),
      }),
    onSaved,
    'The entry could not be saved. Try again.',
    ['occurredAt', 'kind', 'quantity', 'note', 'eventReportId'],
  );
  return (
    <form className="inline-form record-form" onSubmit={form.onSubmit} aria-label="Record progress">
      <div className="form-row">
        <label className="field">
          <span className="field-label">When it happened (your time)</span>
          <input
            type="datetime-local"
            value={occurredAt}
            required
            aria-invalid={form.fieldError('occurredAt') !== undefined}
            onChange={(e) => setOccurredAt(e.target.value)}
          />
          <InlineError message={form.fieldError('occurredAt')} />
        </label>
        <label className="field">
          <span className="field-label">What</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ProgressKind)}>
            {PROGRESS_KINDS.map((k) => (
              <option key={k} value={k}>
                {PROGRESS_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <InlineError message={form.fieldError('kind')} />
        </label>
        <label className="field">
          <span className="field-label">
            Quantity{unit ? ` (${unit})` : ''} <span className="optional">(optional)</span>
          </span>
          <input
            type="number"
            className="number-field"
            min={0}
            step={1}
            value={quantity}
            aria-invalid={form.fieldError('quantity') !== undefined}
            onChange={(e) => setQuantity(e.target.value)}
          />
          <InlineError message={form.fieldError('quantity')} />
        </label>
      </div>
      <p className="hint">{KIND_HINTS[kind]}</p>
      <label className="field">
        <span className="field-label">Note</span>
        <textarea
          value={note}
          rows={2}
          maxLength={5000}
          placeholder="7 released at the Kerem crossing, handed over to the ICRC"
          onChange={(e) => setNote(e.target.value)}
        />
        <InlineError message={form.fieldError('note')} />
      </label>
      {verified.length > 0 && (
        <label className="field">
          <span className="field-label">
            Based on a verified event report <span className="optional">(optional)</span>
          </span>
          <select value={eventReportId} onChange={(e) => setEventReportId(e.target.value)}>
            <option value="">None</option>
            {verified.map((e) => (
              <option key={e.id} value={e.id}>
                {e.eventType}
                {e.placeName === '' ? '' : `, ${e.placeName}`}
              </option>
            ))}
          </select>
          <InlineError message={form.fieldError('eventReportId')} />
        </label>
      )}
      <InlineError message={form.general} />
      <FormButtons busy={form.busy} label="Record" busyLabel="Saving…" onCancel={onCancel} small />
    </form>
  );
}
