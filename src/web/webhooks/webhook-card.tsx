import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { formatDate } from '../components/format.ts';
import { InlineError, Loading } from '../components/status.tsx';
import { DeliveryTable } from './delivery-table.tsx';
import { DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS } from './webhook-format.ts';
import type { DeliveryList, Webhook, WebhookDelivery } from './webhook-types.ts';

/** One webhook: where it sends, for which events, its recent deliveries; test and delete. */
export function WebhookCard({
  processId,
  webhook,
  onDeleted,
}: {
  processId: string;
  webhook: Webhook;
  onDeleted: () => void;
}) {
  const path = `/processes/${processId}/webhooks/${webhook.id}`;
  const deliveries = useResource<DeliveryList>(`${path}/deliveries`);
  const [busy, setBusy] = useState<'test' | 'delete' | null>(null);
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [tested, setTested] = useState<WebhookDelivery | null>(null);

  async function test() {
    setBusy('test');
    setError(undefined);
    try {
      const r = await api.post<{ delivery: WebhookDelivery }>(`${path}/test`);
      setTested(r.delivery);
      deliveries.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }
  async function remove() {
    setBusy('delete');
    setError(undefined);
    try {
      await api.delete(path);
      onDeleted();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  }

  return (
    <article className="panel webhook-card" aria-label={`Webhook ${webhook.url}`}>
      <div className="section-head">
        <h3 className="webhook-url mono">{webhook.url}</h3>
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            disabled={busy !== null}
            onClick={() => void test()}
          >
            {busy === 'test' ? 'Sending…' : 'Send a test'}
          </button>
          {armed ? (
            <>
              <button
                type="button"
                className="button button-danger button-small"
                onClick={() => void remove()}
              >
                {busy === 'delete' ? 'Deleting…' : 'Delete it'}
              </button>
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => setArmed(false)}
              >
                Keep
              </button>
            </>
          ) : (
            <button type="button" className="button button-quiet button-small" onClick={() => setArmed(true)}>
              Delete
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        Added {formatDate(webhook.createdAt)} · sends when:{' '}
        {webhook.events.map((e) => WEBHOOK_EVENT_LABELS[e].label.toLowerCase()).join('; ')}
        {!webhook.active && ' · inactive'}
      </p>
      {tested !== null && (
        <p className={tested.status === 'delivered' ? 'ok-line' : 'field-error'} role="status">
          Test {DELIVERY_STATUS_LABELS[tested.status].toLowerCase()}
          {tested.responseStatus !== null ? `: the receiver answered HTTP ${tested.responseStatus}` : ''}
          {tested.lastError !== '' ? `: ${tested.lastError}` : ''}
          {tested.status === 'pending' ? '. It will be retried.' : '.'}
        </p>
      )}
      <InlineError message={error} />
      <h4 className="webhook-deliveries-head">Recent deliveries</h4>
      {deliveries.state === 'loading' && <Loading label="Reading the deliveries…" />}
      {deliveries.state === 'error' && <InlineError message={deliveries.error.detail} />}
      {deliveries.state === 'ready' && <DeliveryTable items={deliveries.data.items} />}
    </article>
  );
}
