import { useId } from 'react';
import type { CommentReader } from './use-comment-reader.ts';

/** Where a new thread goes: its own party's thread ('party' or 'mediator'), or one addressed to a party. */
export interface Audience {
  visibility: 'mediator' | 'party';
  partyId?: string;
}

const key = (a: Audience) => `${a.visibility}:${a.partyId ?? ''}`;

/**
 * Who will read a new thread, chosen explicitly and said in full. A party chooses between its own
 * members and its members with the mediator; the mediator team between itself and one party.
 */
export function VisibilityChoice({
  reader,
  value,
  onChange,
}: {
  reader: CommentReader;
  value: Audience;
  onChange: (a: Audience) => void;
}) {
  const name = useId();
  const isMediator = reader.membership?.role === 'mediator';
  const options: { audience: Audience; label: string; hint: string }[] = isMediator
    ? [
        {
          audience: { visibility: 'party' },
          label: `Only the ${reader.mediatorName}`,
          hint: 'An internal thread of your team: no party sees it.',
        },
        ...reader.parties.map((p) => ({
          audience: { visibility: 'mediator' as const, partyId: p.id },
          label: `The ${reader.mediatorName} and ${p.name}`,
          hint: `Addressed to ${p.code}: its members read and answer it; other parties never see it.`,
        })),
      ]
    : [
        {
          audience: { visibility: 'mediator' },
          label: `Visible to the ${reader.mediatorName} and your party`,
          hint: `The ${reader.mediatorName} can read and answer it; other parties never see it.`,
        },
        {
          audience: { visibility: 'party' },
          label: 'Only your party',
          hint: 'For your delegation’s members alone: the mediator does not see it.',
        },
      ];
  return (
    <fieldset className="visibility-choice">
      <legend className="field-label">Who can read this thread</legend>
      {options.map((o) => (
        <label key={key(o.audience)} className="visibility-option">
          <input
            type="radio"
            name={name}
            checked={key(o.audience) === key(value)}
            onChange={() => onChange(o.audience)}
          />
          <span>
            <span className="visibility-label">{o.label}</span>
            <span className="visibility-hint">{o.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
