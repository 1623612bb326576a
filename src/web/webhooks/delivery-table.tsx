import { formatDateTime } from '../components/format.ts';
import { DELIVERY_STATUS_LABELS, eventKindLabel } from './webhook-format.ts';
import type { WebhookDelivery } from './webhook-types.ts';

/** A webhook's latest deliveries: when, what, how it went (answer or error), retries. */
export function DeliveryTable({ items }: { items: readonly WebhookDelivery[] }) {
  if (items.length === 0) return <p className="empty">Nothing sent yet.</p>;
  return (
    <table className="table delivery-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Event</th>
          <th scope="col">Status</th>
          <th scope="col">Answer</th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td className="date">{formatDateTime(d.createdAt)}</td>
            <td>{eventKindLabel(d.eventKind)}</td>
            <td>
              <span className={`delivery-status delivery-status-${d.status}`}>
                {DELIVERY_STATUS_LABELS[d.status]}
              </span>
              <span className="muted small">
                {' '}
                {d.attempts === 1 ? '1 attempt' : `${d.attempts} attempts`}
                {d.nextAttemptAt !== null && `, next ${formatDateTime(d.nextAttemptAt)}`}
              </span>
            </td>
            <td>
              {d.responseStatus !== null && <span className="mono">HTTP {d.responseStatus}</span>}
              {d.lastError !== '' && <span className="delivery-error">{d.lastError}</span>}
              {d.responseStatus === null && d.lastError === '' && <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
