import { useState } from 'react';
import { WEBHOOK_EVENT_KINDS } from '../../domain/monitoring/monitoring-model.ts';
import { api } from '../api/client.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { WEBHOOK_EVENT_LABELS } from './webhook-format.ts';
import type { NewWebhookResponse, WebhookEventKind } from './webhook-types.ts';

/** Registers a webhook: the address deliveries go to, and the events it wants. */
export function WebhookForm({
  processId,
  onCreated,
  onCancel,
}: {
  processId: string;
  onCreated: (r: NewWebhookResponse) => void;
  onCancel: () => void;
}) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<ReadonlySet<WebhookEventKind>>(new Set(WEBHOOK_EVENT_KINDS));
  const form = useFormSubmit(
    () =>
      api.post<NewWebhookResponse>(`/processes/${processId}/webhooks`, {
        url: url.trim(),
        events: [...events],
      }),
    onCreated,
    'The webhook could not be added. Try again.',
  );
  const toggle = (k: WebhookEventKind) =>
    setEvents((s) => {
      const next = new Set(s);
      if (!next.delete(k)) next.add(k);
      return next;
    });
  return (
    <form onSubmit={form.onSubmit} className="event-form webhook-form" aria-label="New webhook">
      <label className="field">
        <span className="field-label">Address (URL)</span>
        <input
          type="url"
          value={url}
          required
          maxLength={2000}
          placeholder="https://alerts.example.org/entente"
          onChange={(e) => setUrl(e.target.value)}
        />
        <InlineError message={form.fieldError('url')} />
      </label>
      <fieldset className="field">
        <legend className="field-label">Send when</legend>
        {WEBHOOK_EVENT_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="checkbox" checked={events.has(k)} onChange={() => toggle(k)} />
            <span>
              {WEBHOOK_EVENT_LABELS[k].label} <span className="muted">— {WEBHOOK_EVENT_LABELS[k].hint}</span>
            </span>
          </label>
        ))}
        <InlineError message={form.fieldError('events')} />
      </fieldset>
      <p className="hint">
        Each delivery is a JSON POST signed with HMAC-SHA256 in the <code>Entente-Signature</code> header
        (t=unix seconds, v1=hex of the signature of “t.body”). It carries titles and statuses only, never the
        text of the agreement. Failed deliveries are retried.
      </p>
      <InlineError message={form.general} />
      <FormButtons
        busy={form.busy}
        disabled={events.size === 0}
        label="Add the webhook"
        busyLabel="Adding…"
        onCancel={onCancel}
      />
    </form>
  );
}
