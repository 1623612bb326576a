import { useEffect, useRef, useState } from 'react';
import { EVENT_TYPES } from '../../domain/monitoring/monitoring-model.ts';
import { api, isApiError } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { blankValues, bodyOf, changedFields, type EventFormValues, valuesOf } from './event-form-values.ts';
import type { EventReport, EventReportPage } from './event-types.ts';
import { GradingFields } from './grading-fields.tsx';
import { OccurredField } from './occurred-field.tsx';
import { PlaceFields } from './place-fields.tsx';

/**
 * Files an event report (when, where, what, who, how many died, what was seen, how good the
 * source is) or, given `report`, corrects one: only the changed fields go, on the revision read.
 */
export function EventReportForm({
  processId,
  report,
  onClose,
  onSaved,
  onReload,
}: {
  processId: string;
  /** The report to correct; without it, a new one is filed. */
  report?: EventReport;
  onClose: () => void;
  onSaved: (report: EventReport) => void;
  /** Shows the report as it is now, after a correction lost to someone else's. */
  onReload?: () => void;
}) {
  // Read once: a live reload of the page must not move the revision under the reader's edits.
  const [initial] = useState<EventFormValues>(() =>
    report === undefined ? blankValues(new Date()) : valuesOf(report),
  );
  const [revision] = useState(report?.revision);
  const [v, setValues] = useState(initial);
  const set = (changes: Partial<EventFormValues>) => setValues((prev) => ({ ...prev, ...changes }));
  const [conflict, setConflict] = useState(false);
  const changes = report === undefined ? null : changedFields(initial, v);
  // The map picker opens where the latest located report is, not on the whole world.
  const latest = useResource<EventReportPage>(`/processes/${processId}/event-reports?limit=20`);
  const located = latest.data?.items.find((e) => e.latitude !== null && e.longitude !== null);
  const near =
    located?.latitude != null && located.longitude != null
      ? { latitude: located.latitude, longitude: located.longitude }
      : null;

  const send = async () => {
    if (report === undefined)
      return api.post<{ eventReport: EventReport }>(`/processes/${processId}/event-reports`, bodyOf(v));
    setConflict(false);
    try {
      return await api.patch<{ eventReport: EventReport }>(
        `/processes/${processId}/event-reports/${report.id}`,
        { ...changes, revision },
      );
    } catch (err) {
      if (isApiError(err, 'conflict')) setConflict(true);
      throw err;
    }
  };
  const form = useFormSubmit(
    send,
    (r) => onSaved(r.eventReport),
    report === undefined
      ? 'The report could not be filed. Try again.'
      : 'The correction could not be saved. Try again.',
  );

  // A refused report may be wrong far down the form: bring the first reason (or the conflict) into view.
  const formRef = useRef<HTMLFormElement>(null);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !form.busy)
      formRef.current?.querySelector('.field-error, .error-box')?.scrollIntoView({ block: 'center' });
    wasBusy.current = form.busy;
  }, [form.busy]);

  return (
    <Dialog
      title={report === undefined ? 'File an event report' : `Correct the report: ${report.eventType}`}
      onClose={onClose}
      size="large"
    >
      <form
        ref={formRef}
        onSubmit={form.onSubmit}
        className="event-form"
        aria-label={report === undefined ? 'New event report' : 'Edit event report'}
      >
        <OccurredField
          value={v.occurred}
          precision={v.precision}
          onValue={(occurred) => set({ occurred })}
          onPrecision={(precision) => set({ precision })}
          error={form.fieldError('occurredAt')}
          precisionError={form.fieldError('timePrecision')}
        />
        <PlaceFields
          value={v.place}
          onChange={(place) => set({ place })}
          fieldError={form.fieldError}
          near={near}
        />
        <fieldset className="field">
          <legend className="field-label">What happened</legend>
          <div className="form-row">
            <label className="field grow">
              <span className="field-label">Type</span>
              <input
                list="event-type-suggestions"
                value={v.eventType}
                required
                maxLength={200}
                placeholder="Choose or type"
                onChange={(e) => set({ eventType: e.target.value })}
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
                value={v.subEventType}
                maxLength={200}
                placeholder="Shelling, hostage release, convoy…"
                onChange={(e) => set({ subEventType: e.target.value })}
              />
              <InlineError message={form.fieldError('subEventType')} />
            </label>
          </div>
          <div className="form-row">
            <label className="field grow">
              <span className="field-label">
                Actor <span className="optional">(optional)</span>
              </span>
              <input value={v.actor1} maxLength={300} onChange={(e) => set({ actor1: e.target.value })} />
              <InlineError message={form.fieldError('actor1')} />
            </label>
            <label className="field grow">
              <span className="field-label">
                Other actor <span className="optional">(optional)</span>
              </span>
              <input value={v.actor2} maxLength={300} onChange={(e) => set({ actor2: e.target.value })} />
              <InlineError message={form.fieldError('actor2')} />
            </label>
            <label className="field number-field">
              <span className="field-label">
                Fatalities <span className="optional">(if any)</span>
              </span>
              <input
                inputMode="numeric"
                value={v.fatalities}
                onChange={(e) => set({ fatalities: e.target.value })}
                placeholder="—"
              />
              <InlineError message={form.fieldError('fatalities')} />
            </label>
          </div>
          <label className="field">
            <span className="field-label">Description</span>
            <textarea
              value={v.description}
              rows={4}
              maxLength={10000}
              placeholder="What was seen or reported, by whom, and what is not known yet."
              onChange={(e) => set({ description: e.target.value })}
            />
            <InlineError message={form.fieldError('description')} />
          </label>
        </fieldset>
        <GradingFields
          source={v.source}
          reliability={v.reliability}
          credibility={v.credibility}
          onSource={(source) => set({ source })}
          onReliability={(reliability) => set({ reliability })}
          onCredibility={(credibility) => set({ credibility })}
          fieldError={form.fieldError}
        />
        {conflict ? (
          <div className="error-box" role="alert">
            <p className="error-box-title">Someone changed this report meanwhile</p>
            <p>Your correction was not saved. Reload to see their version, then make your change again.</p>
            {onReload !== undefined && (
              <button type="button" className="button" onClick={onReload}>
                Reload the report
              </button>
            )}
          </div>
        ) : (
          <InlineError message={form.general} />
        )}
        {report === undefined ? (
          <FormButtons busy={form.busy} label="File the report" busyLabel="Filing…" onCancel={onClose} />
        ) : (
          <FormButtons
            busy={form.busy}
            label="Save the correction"
            busyLabel="Saving…"
            onCancel={onClose}
            disabled={conflict || Object.keys(changes ?? {}).length === 0}
          />
        )}
      </form>
    </Dialog>
  );
}
