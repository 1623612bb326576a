import { useEffect, useRef, useState } from 'react';
import { EVENT_TYPES, type TimePrecision } from '../../domain/monitoring/monitoring-model.ts';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import type {
  EventReport,
  EventReportInput,
  EventReportPage,
  InfoCredibility,
  SourceReliability,
} from './event-types.ts';
import { GradingFields } from './grading-fields.tsx';
import { OccurredField, occurredAtFrom } from './occurred-field.tsx';
import { PlaceFields, type PlaceValue, parseCoordinate } from './place-fields.tsx';

const pad = (n: number) => String(n).padStart(2, '0');
function nowLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A number field's text as the API wants it: null when empty, the text itself when not a number. */
function optionalInteger(text: string): number | null | string {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isInteger(n) ? n : text;
}

/** Files an event report: when, where, what, who, how many died, what was seen, and how good the source is. */
export function EventReportForm({
  processId,
  onClose,
  onSaved,
}: {
  processId: string;
  onClose: () => void;
  onSaved: (report: EventReport) => void;
}) {
  const [occurred, setOccurred] = useState(nowLocal);
  const [precision, setPrecision] = useState<TimePrecision>('minute');
  const [place, setPlace] = useState<PlaceValue>({
    placeName: '',
    latitude: '',
    longitude: '',
    geoPrecision: null,
  });
  const [eventType, setEventType] = useState('');
  const [subEventType, setSubEventType] = useState('');
  const [actor1, setActor1] = useState('');
  const [actor2, setActor2] = useState('');
  const [fatalities, setFatalities] = useState('');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState('');
  const [reliability, setReliability] = useState<SourceReliability>('F');
  const [credibility, setCredibility] = useState<InfoCredibility>(6);
  // The map picker opens where the latest located report is, not on the whole world.
  const latest = useResource<EventReportPage>(`/processes/${processId}/event-reports?limit=20`);
  const located = latest.data?.items.find((e) => e.latitude !== null && e.longitude !== null);
  const near =
    located?.latitude != null && located.longitude != null
      ? { latitude: located.latitude, longitude: located.longitude }
      : null;

  const body = () => {
    const latitude = parseCoordinate(place.latitude);
    const longitude = parseCoordinate(place.longitude);
    return {
      // An incomplete time goes as typed, so the server names the field.
      occurredAt: occurredAtFrom(occurred, precision) ?? occurred,
      timePrecision: precision,
      placeName: place.placeName.trim(),
      latitude,
      longitude,
      geoPrecision: latitude === null && longitude === null ? null : place.geoPrecision,
      eventType: eventType.trim(),
      subEventType: subEventType.trim(),
      actor1: actor1.trim(),
      actor2: actor2.trim(),
      fatalities: optionalInteger(fatalities),
      description: description.trim(),
      source: source.trim(),
      sourceReliability: reliability,
      infoCredibility: credibility,
    } satisfies Record<keyof EventReportInput, unknown>;
  };
  const form = useFormSubmit(
    () => api.post<{ eventReport: EventReport }>(`/processes/${processId}/event-reports`, body()),
    (r) => onSaved(r.eventReport),
    'The report could not be filed. Try again.',
  );

  // A refused report may be wrong far down the form: bring the first reason into view.
  const formRef = useRef<HTMLFormElement>(null);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !form.busy)
      formRef.current?.querySelector('.field-error')?.scrollIntoView({ block: 'center' });
    wasBusy.current = form.busy;
  }, [form.busy]);

  return (
    <Dialog title="File an event report" onClose={onClose} size="large">
      <form ref={formRef} onSubmit={form.onSubmit} className="event-form" aria-label="New event report">
        <OccurredField
          value={occurred}
          precision={precision}
          onValue={setOccurred}
          onPrecision={setPrecision}
          error={form.fieldError('occurredAt')}
          precisionError={form.fieldError('timePrecision')}
        />
        <PlaceFields value={place} onChange={setPlace} fieldError={form.fieldError} near={near} />
        <fieldset className="field">
          <legend className="field-label">What happened</legend>
          <div className="form-row">
            <label className="field grow">
              <span className="field-label">Type</span>
              <input
                list="event-type-suggestions"
                value={eventType}
                required
                maxLength={200}
                placeholder="Choose or type"
                onChange={(e) => setEventType(e.target.value)}
              />
              <datalist id="event-type-suggestions">
                {EVENT_TYPES.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
              <InlineError message={form.fieldError('eventType')} />
            </label>
            <label className="field grow">
              <span className="field-label">
                Sub-type <span className="optional">(optional)</span>
              </span>
              <input
                value={subEventType}
                maxLength={200}
                placeholder="Shelling, hostage release, convoy…"
                onChange={(e) => setSubEventType(e.target.value)}
              />
              <InlineError message={form.fieldError('subEventType')} />
            </label>
          </div>
          <div className="form-row">
            <label className="field grow">
              <span className="field-label">
                Actor <span className="optional">(optional)</span>
              </span>
              <input value={actor1} maxLength={300} onChange={(e) => setActor1(e.target.value)} />
              <InlineError message={form.fieldError('actor1')} />
            </label>
            <label className="field grow">
              <span className="field-label">
                Other actor <span className="optional">(optional)</span>
              </span>
              <input value={actor2} maxLength={300} onChange={(e) => setActor2(e.target.value)} />
              <InlineError message={form.fieldError('actor2')} />
            </label>
            <label className="field number-field">
              <span className="field-label">
                Fatalities <span className="optional">(if any)</span>
              </span>
              <input
                inputMode="numeric"
                value={fatalities}
                onChange={(e) => setFatalities(e.target.value)}
                placeholder="—"
              />
              <InlineError message={form.fieldError('fatalities')} />
            </label>
          </div>
          <label className="field">
            <span className="field-label">Description</span>
            <textarea
              value={description}
              rows={4}
              maxLength={10000}
              placeholder="What was seen or reported, by whom, and what is not known yet."
              onChange={(e) => setDescription(e.target.value)}
            />
            <InlineError message={form.fieldError('description')} />
          </label>
        </fieldset>
        <GradingFields
          source={source}
          reliability={reliability}
          credibility={credibility}
          onSource={setSource}
          onReliability={setReliability}
          onCredibility={setCredibility}
          fieldError={form.fieldError}
        />
        <InlineError message={form.general} />
        <FormButtons busy={form.busy} label="File the report" busyLabel="Filing…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
