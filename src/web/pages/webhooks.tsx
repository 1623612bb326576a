import { useState } from 'react';
import { useProcessTitle } from '../api/titles.ts';
import { useResource } from '../api/use-resource.ts';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { SecretNotice } from '../webhooks/secret-notice.tsx';
import { WebhookCard } from '../webhooks/webhook-card.tsx';
import { WebhookForm } from '../webhooks/webhook-form.tsx';
import type { NewWebhookResponse, WebhookList } from '../webhooks/webhook-types.ts';
import '../styles/events.css';

/** The outgoing webhooks of a process (mediator team): add one, see its deliveries, test it, delete it. */
export default function WebhooksPage({ processId }: { processId: string }) {
  const list = useResource<WebhookList>(`/processes/${processId}/webhooks`);
  const processTitle = useProcessTitle(processId);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<NewWebhookResponse | null>(null);
  useBreadcrumb([
    { label: processTitle ?? 'Process', href: `/processes/${processId}` },
    { label: 'Monitoring', href: `/processes/${processId}/monitoring` },
    { label: 'Webhooks' },
  ]);

  if (list.state === 'loading') return <Loading label="Opening the webhooks…" />;
  if (list.state === 'error') return <ErrorBox error={list.error} onRetry={list.reload} />;
  const items = list.data.items;

  return (
    <div className="wide webhooks-page">
      <header className="page-head">
        <p className="eyebrow">Monitoring · alerts</p>
        <h1>Webhooks</h1>
        <p className="lead">
          Tell other systems (an alerting service, a chat channel, a mission database) when a commitment
          becomes overdue or changes status. Entente POSTs a signed JSON message to each address.
        </p>
        {!adding && created === null && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add a webhook
          </button>
        )}
      </header>
      {created !== null && (
        <SecretNotice url={created.webhook.url} secret={created.secret} onDone={() => setCreated(null)} />
      )}
      {adding && (
        <section className="panel" aria-labelledby="new-webhook">
          <h2 id="new-webhook">New webhook</h2>
          <WebhookForm
            processId={processId}
            onCancel={() => setAdding(false)}
            onCreated={(r) => {
              setAdding(false);
              setCreated(r);
              list.set({ items: [...items, r.webhook] });
            }}
          />
        </section>
      )}
      <section aria-label="Webhooks of the process" className="webhook-list">
        {items.length === 0 ? (
          <p className="empty">No webhooks yet.</p>
        ) : (
          items.map((w) => (
            <WebhookCard
              key={w.id}
              processId={processId}
              webhook={w}
              onDeleted={() => list.set({ items: items.filter((x) => x.id !== w.id) })}
            />
          ))
        )}
      </section>
    </div>
  );
}
