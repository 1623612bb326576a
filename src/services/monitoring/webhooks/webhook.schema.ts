import { z } from 'zod';
import { WEBHOOK_EVENT_KINDS, type WebhookEventKind } from '../../../domain/monitoring/monitoring-model.ts';

const id = z.string().min(1).max(64);

/**
 * Where deliveries go: an absolute http(s) URL without user name or password in it (a secret in
 * the URL would be shown in every list of webhooks; the signature is what authenticates).
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(2000)
  .superRefine((text, ctx) => {
    // Already refused by the length checks above; one reason per field is enough.
    if (text === '' || text.length > 2000) return;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute URL, like https://example.org/hooks' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      ctx.addIssue({ code: 'custom', message: 'must be an http or https URL' });
    else if (url.username !== '' || url.password !== '')
      ctx.addIssue({
        code: 'custom',
        message: 'must not hold a user name or password: deliveries are authenticated by their signature',
      });
    else if (url.hostname === '') ctx.addIssue({ code: 'custom', message: 'must name a host' });
  })
  .describe('the http(s) address deliveries are POSTed to');

/** A new webhook: where to send, and which events. */
export const newWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  events: z
    .array(z.enum(WEBHOOK_EVENT_KINDS as [WebhookEventKind, ...WebhookEventKind[]]))
    .min(1, 'choose at least one event')
    .max(WEBHOOK_EVENT_KINDS.length * 2)
    .transform((kinds) => [...new Set(kinds)])
    .describe('commitment.overdue: a commitment became overdue; commitment.status_changed: any change'),
});

export type NewWebhook = z.output<typeof newWebhookSchema>;

export const webhookParams = z.strictObject({ processId: id, webhookId: id });
