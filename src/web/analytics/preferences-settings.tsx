import { useId } from 'react';
import { InlineError } from '../components/status.tsx';
import type { PreferencesDraft } from './preferences-draft.ts';

interface Props {
  draft: PreferencesDraft;
  onChange: (change: (draft: PreferencesDraft) => PreferencesDraft) => void;
  problem: (field: string) => string | undefined;
}

/** The reservation level and the choice to share with the mediator, each with what it means. */
export function PreferencesSettings({ draft, onChange, problem }: Props) {
  const id = useId();
  const reservationProblem = problem('reservation');
  return (
    <>
      <section className="pref-section" aria-labelledby={`${id}-reservation-title`}>
        <h2 id={`${id}-reservation-title`}>Reservation level</h2>
        <p className="hint" id={`${id}-reservation-hint`}>
          What no agreement at all is worth to your party, on the same 0–100 scale as a package. A package is
          worth the average of your scores for the options it contains, weighted by your weights (a good your
          party receives counts as 100): options you scored 100 on every point make a package worth 100. The
          analysis suggests only packages worth at least your reservation level to you; the higher it is, the
          fewer packages remain.
        </p>
        <div className="pref-weight">
          <label className="field-label" htmlFor={`${id}-reservation`}>
            Value of no agreement
          </label>
          <input
            type="range"
            min={0}
            max={100}
            step={1}
            value={draft.reservation === '' ? 0 : Number(draft.reservation) || 0}
            aria-label="Value of no agreement, slider"
            onChange={(e) => {
              const value = e.target.value;
              onChange((d) => ({ ...d, reservation: value }));
            }}
          />
          <span className="pref-number">
            <input
              id={`${id}-reservation`}
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="any"
              value={draft.reservation}
              aria-invalid={reservationProblem === undefined ? undefined : true}
              aria-describedby={`${id}-reservation-hint${reservationProblem === undefined ? '' : ` ${id}-reservation-error`}`}
              onChange={(e) => {
                const value = e.target.value;
                onChange((d) => ({ ...d, reservation: value }));
              }}
            />
            <span aria-hidden="true">of 100</span>
          </span>
        </div>
        <InlineError message={reservationProblem} id={`${id}-reservation-error`} />
      </section>

      <section className="pref-section" aria-labelledby={`${id}-share-title`}>
        <h2 id={`${id}-share-title`}>Sharing</h2>
        <label className="checkbox pref-share">
          <input
            type="checkbox"
            checked={draft.shared}
            aria-describedby={`${id}-share-hint`}
            onChange={(e) => {
              const shared = e.target.checked;
              onChange((d) => ({ ...d, shared }));
            }}
          />
          Share our preferences with the mediator
        </label>
        <div className="hint pref-share-hint" id={`${id}-share-hint`}>
          <p>
            <strong>If you share,</strong> the mediator sees on this page everything above: your weights, your
            scores, your red lines and your reservation level; and in the analysis, what each suggested
            package is worth to your party, what your party gives and gains on each point, and the trades your
            party takes part in.
          </p>
          <p>
            <strong>If you do not share,</strong> your preferences stay sealed: the analysis still uses them
            to find packages, but the mediator sees only the packages themselves, with your party’s values
            shown as “sealed”. Other parties never see your preferences either way. You can change this at any
            time.
          </p>
        </div>
        <InlineError message={problem('sharedWithMediator')} />
      </section>
    </>
  );
}
