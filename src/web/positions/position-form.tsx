import { useId, useState } from 'react';
import { newPositionSchema } from '../../services/positions/positions.schema.ts';
import { api } from '../api/client.ts';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { PRIORITY_LABELS, STANCE_LABELS, STANCE_ORDER } from './stance.ts';
import type { Position, Stance } from './types.ts';

interface Props {
  planId: string;
  pointId: string;
  pointNumber: string;
  version: { versionId: string; label: string };
  /** The party's current position, which the form starts from. */
  current: Position | null;
  onRecorded: (position: Position) => void;
}

const MAX_RATIONALE = 4000;

/** A delegate states their party's position on a point, against the newest version the party holds. */
export function PositionForm({ planId, pointId, pointNumber, version, current, onRecorded }: Props) {
  const [stance, setStance] = useState<Stance>(current?.stance ?? 'undecided');
  const [priority, setPriority] = useState(current?.priority ?? 3);
  const [rationale, setRationale] = useState(current?.rationale ?? '');
  const [shared, setShared] = useState(current?.rationaleShared ?? false);
  const [local, setLocal] = useState<string | undefined>();
  const ids = { stance: useId(), priority: useId(), rationale: useId(), count: useId() };
  const form = useFormSubmit(
    async () => {
      const body = {
        pointId,
        versionId: version.versionId,
        stance,
        priority,
        rationale,
        rationaleShared: shared,
      };
      // The same schema as the server's, so a mistake shows before anything is sent.
      const checked = newPositionSchema.safeParse(body);
      if (!checked.success) {
        setLocal(checked.error.issues[0]?.message ?? 'Check the form.');
        throw new Error('invalid');
      }
      setLocal(undefined);
      return (await api.post<{ position: Position }>(`/plans/${planId}/positions`, checked.data)).position;
    },
    onRecorded,
    'The position could not be recorded. Try again.',
  );

  return (
    <form
      className="position-form stack"
      onSubmit={form.onSubmit}
      aria-label={`Your position on point ${pointNumber}`}
    >
      <h3>Your party’s position on point {pointNumber}</h3>
      <p className="muted form-hint">
        Stated on <strong>{version.label}</strong>, the newest text your party holds. Earlier positions stay
        in the history. Stance and priority reach the mediator; other parties never see any of it.
      </p>
      <fieldset>
        <legend className="field-label" id={ids.stance}>
          Stance
        </legend>
        <div className="stance-choices">
          {STANCE_ORDER.map((s) => (
            <label key={s} className={`stance-choice stance-${s}${stance === s ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="stance"
                value={s}
                checked={stance === s}
                onChange={() => setStance(s)}
              />
              {STANCE_LABELS[s]}
            </label>
          ))}
        </div>
        <InlineError message={form.fieldError('body.stance')} />
      </fieldset>
      <label className="field">
        <span className="field-label" id={ids.priority}>
          Priority
        </span>
        <select value={priority} onChange={(e) => setPriority(Number(e.target.value))}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n} — {PRIORITY_LABELS[n]}
            </option>
          ))}
        </select>
        <InlineError message={form.fieldError('body.priority')} />
      </label>
      <label className="field">
        <span className="field-label">Rationale</span>
        <textarea
          id={ids.rationale}
          rows={4}
          value={rationale}
          maxLength={MAX_RATIONALE}
          aria-describedby={ids.count}
          onChange={(e) => setRationale(e.target.value)}
        />
        <span className="muted char-count" id={ids.count}>
          {rationale.length} / {MAX_RATIONALE} characters
        </span>
        <InlineError message={form.fieldError('body.rationale')} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
        Share the rationale with the mediator
      </label>
      <InlineError message={local ?? form.fieldError('body.pointId') ?? form.general} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? 'Recording…' : `Record position on ${version.label}`}
        </button>
      </div>
    </form>
  );
}
