import { type FormEvent, useState } from 'react';
import { Segments } from '../compare/segments.tsx';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { type Amendment, KIND_LABELS } from './amendment-types.ts';
import { SUB_ITEMS_HINT, TextField, useDialogSend } from './dialog-parts.tsx';
import type { AmendmentActions, Decision } from './use-amendments.ts';

interface Props {
  amendment: Amendment;
  actions: AmendmentActions;
  onClose: () => void;
}

const CHOICES: { key: Decision['decision']; label: string; hint: string }[] = [
  {
    key: 'accept',
    label: 'Accept',
    hint: 'Writes the text below into the working draft. If you change it, the party reads your wording only in the next version released to it.',
  },
  {
    key: 'partly_accept',
    label: 'Partly accept',
    hint: 'Writes your edited text into the working draft; the party reads it in the next version released to it.',
  },
  { key: 'reject', label: 'Reject', hint: 'The draft is not changed; the party reads your reply.' },
];

/** The mediator's decision: accept (text editable), partly accept with edited text, or reject with a reply. */
export function DecisionDialog({ amendment: a, actions, onClose }: Props) {
  const [decision, setDecision] = useState<Decision['decision']>('accept');
  const [text, setText] = useState(a.kind === 'delete' ? '' : a.text);
  const [reply, setReply] = useState('');
  const { busy, error, send } = useDialogSend(onClose);
  const writes = decision !== 'reject';
  const needsText = writes && (a.kind !== 'delete' || decision === 'partly_accept');

  const submit = (e: FormEvent) =>
    send(e, () =>
      actions.decide(a.id, {
        decision,
        reply: reply.trim(),
        revision: a.revision,
        ...(needsText ? { text: text.trim() } : {}),
      }),
    );

  const where = a.point.number === null ? '' : ` on point ${a.point.number}`;
  return (
    <Dialog title={`Decide on the ${a.party.code} amendment${where}`} onClose={onClose} size="large">
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          {KIND_LABELS[a.kind]} against {a.baseVersion.label}, by {a.author.name} ({a.party.name}).
        </p>
        <div className="redline-box">
          {a.kind === 'delete' ? (
            <div className="redline-text">
              <del>{a.baseText}</del>
            </div>
          ) : (
            <Segments segments={a.segments} />
          )}
        </div>
        {a.rationale !== '' && <p className="amendment-rationale">Why: {a.rationale}</p>}
        <fieldset className="decision-choices">
          <legend className="field-label">Decision</legend>
          {CHOICES.map((c) => (
            <label key={c.key} className="choice">
              <input
                type="radio"
                name="decision"
                value={c.key}
                checked={decision === c.key}
                onChange={() => setDecision(c.key)}
              />{' '}
              <strong>{c.label}</strong> <span className="muted small">{c.hint}</span>
            </label>
          ))}
        </fieldset>
        {needsText && (
          <TextField
            label={decision === 'partly_accept' ? 'Text as partly accepted' : 'Text to write into the draft'}
            value={text}
            onChange={setText}
            rows={6}
            required
            hint={SUB_ITEMS_HINT}
          />
        )}
        {writes && a.kind === 'delete' && decision === 'accept' && (
          <p className="muted">The point will be deleted from the working draft.</p>
        )}
        <TextField label={`Reply to ${a.party.name}`} value={reply} onChange={setReply} rows={3} />
        <InlineError message={error} />
        <FormButtons
          busy={busy}
          label={CHOICES.find((c) => c.key === decision)?.label ?? ''}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
