import { useState } from 'react';
import { api } from '../api/client.ts';
import type { ProcessDetail } from '../api/types.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { PartySwatch } from '../process/party-swatch.tsx';
import { viewerZone } from './meeting-format.ts';
import type { Meeting, PlaceKind } from './meeting-types.ts';
import { TimeRangeFields } from './time-range-fields.tsx';
import { TimeZoneField } from './time-zone-field.tsx';
import { useProcessVersions } from './use-process-versions.ts';

interface Props {
  processId: string;
  overview: ProcessDetail;
  /** The meeting to edit; a new one when absent. */
  meeting?: Meeting;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
}

type Guest = { name: string; partyId: string };
type Role = 'presented' | 'released';

const PLACE_KINDS: { value: PlaceKind; label: string }[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'phone', label: 'Phone' },
  { value: 'video', label: 'Video call' },
];

/** Schedules a meeting or edits one (mediator team): times are entered as local times at the venue. */
export function MeetingForm({ processId, overview, meeting, onClose, onSaved }: Props) {
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [startsAt, setStartsAt] = useState(meeting?.localStartsAt ?? '');
  const [endsAt, setEndsAt] = useState(meeting?.localEndsAt ?? '');
  const [timeZone, setTimeZone] = useState(meeting?.timeZone ?? viewerZone());
  const [placeKind, setPlaceKind] = useState<PlaceKind>(meeting?.placeKind ?? 'in_person');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [parties, setParties] = useState<ReadonlySet<string>>(
    new Set(
      meeting?.participants.filter((p) => p.kind === 'party').flatMap((p) => (p.party ? [p.party.id] : [])),
    ),
  );
  const [people, setPeople] = useState<ReadonlySet<string>>(
    new Set(meeting?.participants.flatMap((p) => (p.userId ? [p.userId] : []))),
  );
  const [guests, setGuests] = useState<Guest[]>(
    meeting?.participants
      .filter((p) => p.kind === 'person' && p.userId === null)
      .map((p) => ({ name: p.name, partyId: p.party?.id ?? '' })) ?? [],
  );
  const [versions, setVersions] = useState<ReadonlyMap<string, ReadonlySet<Role>>>(() => {
    const map = new Map<string, Set<Role>>();
    for (const v of meeting?.versions ?? [])
      map.set(v.versionId, new Set([...(map.get(v.versionId) ?? []), v.role]));
    return map;
  });
  const [outcome, setOutcome] = useState(meeting?.outcome ?? '');
  const choices = useProcessVersions(overview.plans);
  // Editing the time of a held or cancelled meeting is refused: leave it out of the request.
  const timeEditable = meeting === undefined || meeting.nextStatuses.length > 0;

  const body = () => ({
    title: title.trim(),
    ...(timeEditable ? { startsAt, endsAt, timeZone: timeZone.trim() } : {}),
    placeKind,
    place: place.trim(),
    participants: [
      ...[...parties].map((partyId) => ({ partyId })),
      ...[...people].map((userId) => ({ userId })),
      ...guests
        .filter((g) => g.name.trim() !== '')
        .map((g) => ({ name: g.name.trim(), ...(g.partyId === '' ? {} : { partyId: g.partyId }) })),
    ],
    versions: [...versions].flatMap(([versionId, roles]) => [...roles].map((role) => ({ versionId, role }))),
    outcome: outcome.trim(),
  });
  const form = useFormSubmit(
    () =>
      meeting
        ? api.patch<{ meeting: Meeting }>(`/processes/${processId}/meetings/${meeting.id}`, body())
        : api.post<{ meeting: Meeting }>(`/processes/${processId}/meetings`, body()),
    (result) => onSaved(result.meeting),
    'The meeting could not be saved. Try again.',
  );
  const toggle = <T,>(set: ReadonlySet<T>, value: T) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const toggleVersion = (id: string, role: Role) =>
    setVersions((m) => {
      const next = new Map(m);
      const roles = toggle(next.get(id) ?? new Set<Role>(), role);
      if (roles.size === 0) next.delete(id);
      else next.set(id, roles);
      return next;
    });

  return (
    <Dialog title={meeting ? `Edit “${meeting.title}”` : 'Schedule a meeting'} onClose={onClose} size="large">
      <form
        onSubmit={form.onSubmit}
        className="meeting-form"
        aria-label={meeting ? 'Edit meeting' : 'New meeting'}
      >
        <label className="field">
          <span className="field-label">Title</span>
          <input value={title} required maxLength={300} onChange={(e) => setTitle(e.target.value)} />
          <InlineError message={form.fieldError('body.title')} />
        </label>
        {timeEditable ? (
          <>
            <TimeRangeFields
              startLabel="Starts (local time at the venue)"
              endLabel="Ends"
              startsAt={startsAt}
              endsAt={endsAt}
              onStartsAt={setStartsAt}
              onEndsAt={setEndsAt}
              fieldError={form.fieldError}
            />
            <TimeZoneField value={timeZone} onChange={setTimeZone} error={form.fieldError('body.timeZone')} />
          </>
        ) : (
          <p className="hint">The time of a {meeting?.status} meeting stays as it was.</p>
        )}
        <fieldset className="field">
          <legend className="field-label">Where</legend>
          <div className="place-kinds">
            {PLACE_KINDS.map((k) => (
              <label key={k.value} className="choice">
                <input
                  type="radio"
                  name="place-kind"
                  checked={placeKind === k.value}
                  onChange={() => setPlaceKind(k.value)}
                />{' '}
                {k.label}
              </label>
            ))}
          </div>
          <input
            aria-label={placeKind === 'in_person' ? 'Venue' : 'Link or dial-in (optional)'}
            value={place}
            maxLength={300}
            required={placeKind === 'in_person'}
            placeholder={
              placeKind === 'in_person' ? 'Palais des Nations, Geneva' : 'Secure video link (optional)'
            }
            onChange={(e) => setPlace(e.target.value)}
          />
          <InlineError message={form.fieldError('body.place')} />
        </fieldset>
        <fieldset className="field">
          <legend className="field-label">Participants</legend>
          <p className="hint">
            A party sees the meeting — in its list, its calendar feed and live updates — once it or one of its
            people takes part.
          </p>
          <div className="participant-grid">
            {overview.parties.map((party) => {
              const members = overview.members.filter((m) => m.partyId === party.id);
              return (
                <div key={party.id} className="participant-party">
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={parties.has(party.id)}
                      onChange={() => setParties((s) => toggle(s, party.id))}
                    />
                    <PartySwatch colour={party.colour} /> <strong>{party.name}</strong>
                  </label>
                  {members.map((m) => (
                    <label key={m.userId} className="choice participant-person">
                      <input
                        type="checkbox"
                        checked={people.has(m.userId)}
                        onChange={() => setPeople((s) => toggle(s, m.userId))}
                      />
                      {m.name}
                    </label>
                  ))}
                </div>
              );
            })}
          </div>
          <InlineError message={form.fieldError('body.participants')} />
          <div className="guest-list">
            {guests.map((g, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: guests have no identity but their place in the list.
              <div className="form-row" key={i}>
                <input
                  aria-label={`Guest ${i + 1} name`}
                  value={g.name}
                  maxLength={200}
                  placeholder="Name and function"
                  onChange={(e) =>
                    setGuests((l) => l.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
                  }
                />
                <select
                  aria-label={`Guest ${i + 1} party`}
                  value={g.partyId}
                  onChange={(e) =>
                    setGuests((l) => l.map((x, j) => (j === i ? { ...x, partyId: e.target.value } : x)))
                  }
                >
                  <option value="">No party</option>
                  {overview.parties.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => setGuests((l) => l.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </div>
            ))}
            <button
              type="button"
              className="button button-dashed button-small"
              onClick={() => setGuests((l) => [...l, { name: '', partyId: '' }])}
            >
              Add a person without an account
            </button>
          </div>
        </fieldset>
        {choices.length > 0 && (
          <fieldset className="field">
            <legend className="field-label">Texts presented or released at the meeting</legend>
            <p className="hint">
              A party is shown only the labels of versions it holds. Recording a release here does not release
              the text: do that in the consultation log.
            </p>
            <table className="version-choices">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Presented</th>
                  <th scope="col">Released</th>
                </tr>
              </thead>
              <tbody>
                {choices.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      {v.label} <span className="muted">· {v.planTitle}</span>
                    </th>
                    {(['presented', 'released'] as const).map((role) => (
                      <td key={role}>
                        <input
                          type="checkbox"
                          aria-label={`${v.label} ${role}`}
                          checked={versions.get(v.id)?.has(role) ?? false}
                          onChange={() => toggleVersion(v.id, role)}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        )}
        <label className="field">
          <span className="field-label">Outcome notes</span>
          <textarea
            value={outcome}
            rows={4}
            maxLength={20_000}
            onChange={(e) => setOutcome(e.target.value)}
          />
          <span className="hint">
            Read by every party taking part. Do not quote text a participant does not hold.
          </span>
          <InlineError message={form.fieldError('body.outcome')} />
        </label>
        <InlineError message={form.general} />
        <FormButtons
          busy={form.busy}
          label={meeting ? 'Save changes' : 'Schedule'}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
