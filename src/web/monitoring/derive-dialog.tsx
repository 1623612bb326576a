import { useId, useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { Dialog } from '../components/dialog.tsx';
import { plural } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { describeDeadline, quantityLabel } from './monitoring-format.ts';
import type { CommitmentItem } from './monitoring-types.ts';
import { PartyCodes } from './party-codes.tsx';

type Granularity = 'points' | 'sub_items';

/** A derived draft, with the sequencing the wording names but the guess could not set ("once phase one is verified"). */
type DerivedItem = CommitmentItem & { sequencing?: string | null };

/**
 * "Derive from the adopted text": one commitment per point (or per sub-item), with deadline,
 * quantity and parties guessed from the wording. The server saves them at once; the review that
 * follows keeps the ticked ones and removes the others, so nothing unwanted stays behind.
 */
export function DeriveDialog({
  processId,
  agreementId,
  parties,
  onClose,
  onDone,
}: {
  processId: string;
  agreementId: string;
  parties: readonly { id: string; name: string; code: string; colour: string }[];
  onClose: () => void;
  onDone: (kept: number) => void;
}) {
  const name = useId();
  const [granularity, setGranularity] = useState<Granularity>('points');
  const [derived, setDerived] = useState<DerivedItem[] | null>(null);
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const derive = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<{ items: DerivedItem[] }>(
        `/processes/${processId}/agreements/${agreementId}/commitments/derive`,
        { granularity },
      );
      setDerived(r.items);
      setKept(new Set(r.items.map((i) => i.id)));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const finish = async (keep: ReadonlySet<string>) => {
    if (derived === null) return;
    setBusy(true);
    setError(undefined);
    try {
      for (const c of derived.filter((d) => !keep.has(d.id)))
        await api.delete(`/processes/${processId}/commitments/${c.id}`);
      onDone(keep.size);
    } catch (err) {
      setError(`Some drafts could not be removed: ${errorMessage(err)}`);
      setBusy(false);
    }
  };
  const toggle = (id: string) =>
    setKept((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const titleOf = (id: string) => derived?.find((d) => d.id === id)?.title;

  if (derived === null)
    return (
      <Dialog
        title="Derive commitments from the adopted text"
        onClose={onClose}
        footer={
          <>
            <button type="button" className="button button-quiet" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void derive()}
            >
              {busy ? 'Reading the text…' : 'Derive'}
            </button>
          </>
        }
      >
        <fieldset className="field">
          <legend className="field-label">One commitment for each</legend>
          <label className="mon-choice">
            <input
              type="radio"
              name={name}
              checked={granularity === 'points'}
              onChange={() => setGranularity('points')}
            />{' '}
            point of the text
          </label>
          <label className="mon-choice">
            <input
              type="radio"
              name={name}
              checked={granularity === 'sub_items'}
              onChange={() => setGranularity('sub_items')}
            />{' '}
            sub-item (10 a, 10 b…), or point where it has none
          </label>
        </fieldset>
        <p className="hint">
          Deadlines ("within 72 hours"), quantities ("20 living hostages") and parties are guessed from the
          wording. You review the drafts next and keep only those you want; edit each one afterwards.
        </p>
        <InlineError message={error} />
      </Dialog>
    );

  return (
    <Dialog
      title={`Review ${plural(derived.length, 'derived commitment')}`}
      onClose={() => void finish(kept)}
      size="large"
      footer={
        <>
          <span className="muted">{kept.size} ticked</span>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => void finish(new Set())}
          >
            Discard all
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void finish(kept)}
          >
            {busy ? 'Saving…' : `Keep ${plural(kept.size, 'commitment')}`}
          </button>
        </>
      }
    >
      {derived.length === 0 ? (
        <p className="empty">The adopted text has no points to derive commitments from.</p>
      ) : (
        <>
          <p className="hint">
            Untick the drafts you do not want. Closing this window keeps the ticked ones.
          </p>
          <ul className="derive-list">
            {derived.map((d) => (
              <li key={d.id}>
                <label className="derive-item">
                  <input type="checkbox" checked={kept.has(d.id)} onChange={() => toggle(d.id)} />
                  <span className="derive-body">
                    <span className="derive-title">
                      {d.pointNumber !== null && <span className="mon-point">{d.pointNumber}</span>} {d.title}
                    </span>
                    <span className="derive-meta">
                      {describeDeadline(d.deadline, titleOf)}
                      {d.targetQuantity !== null &&
                        ` · target ${quantityLabel(d.targetQuantity)}${d.targetUnit ? ` ${d.targetUnit}` : ''}`}
                    </span>
                    {d.sequencing && (
                      <span className="derive-sequencing">To set by hand: “{d.sequencing}”</span>
                    )}
                  </span>
                </label>
                <PartyCodes ids={d.partyIds} parties={parties} />
              </li>
            ))}
          </ul>
        </>
      )}
      <InlineError message={error} />
    </Dialog>
  );
}
