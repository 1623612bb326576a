import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Party } from '../api/types.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { PartySwatch } from '../process/party-swatch.tsx';
import { type DeadlineDraft, DeadlineEditor, deadlineBody, deadlineDraft } from './deadline-editor.tsx';
import type { Agreement, CommitmentInput, CommitmentItem } from './monitoring-types.ts';
import { type AdoptedPoint, pointChoiceLabel } from './use-adopted-text.ts';
import { useSubmit } from './use-submit.ts';

interface Props {
  processId: string;
  agreement: Agreement;
  parties: readonly Party[];
  /** The adopted text's points, null while loading. */
  points: readonly AdoptedPoint[] | null;
  /** The agreement's commitments, for the one this follows. */
  others: readonly CommitmentItem[];
  /** The commitment to edit; a new one when absent. */
  commitment?: CommitmentItem;
  onClose: () => void;
  onSaved: (commitment: CommitmentItem) => void;
}

const FIELDS = [
  'title',
  'description',
  'pointId',
  'subItem',
  'phaseId',
  'partyIds',
  'deadline',
  'targetQuantity',
  'targetUnit',
  'verificationMethod',
  'revision',
];

/** Adds a commitment to an agreement or edits one (mediator team). */
export function CommitmentForm({
  processId,
  agreement,
  parties,
  points,
  others,
  commitment,
  onClose,
  onSaved,
}: Props) {
  const c = commitment;
  const [pointId, setPointId] = useState(c?.pointId ?? '');
  const [subItem, setSubItem] = useState(c?.subItem == null ? '' : String(c.subItem));
  const [title, setTitle] = useState(c?.title ?? '');
  const [description, setDescription] = useState(c?.description ?? '');
  const [partyIds, setPartyIds] = useState<ReadonlySet<string>>(new Set(c?.partyIds ?? []));
  const [deadline, setDeadline] = useState<DeadlineDraft>(
    deadlineDraft(c?.deadline, agreement.entryIntoForce?.zone ?? 'UTC'),
  );
  const [target, setTarget] = useState(c?.targetQuantity == null ? '' : String(c.targetQuantity));
  const [unit, setUnit] = useState(c?.targetUnit ?? '');
  const [verification, setVerification] = useState(c?.verificationMethod ?? '');
  const [phaseId, setPhaseId] = useState(c?.phaseId ?? '');
  const point = points?.find((p) => p.point.id === pointId)?.point;
  const phases = [...agreement.phases].sort((a, b) => a.position - b.position);
  const anchors = others
    .filter((o) => o.id !== c?.id)
    .map((o) => ({ id: o.id, label: o.pointNumber === null ? o.title : `${o.pointNumber} · ${o.title}` }));

  // An edit sends null to clear a field; a new commitment leaves out what it does not have.
  const body = (): CommitmentInput => {
    const full: CommitmentInput = {
      title: title.trim(),
      description: description.trim(),
      pointId: pointId === '' ? null : pointId,
      subItem: pointId === '' || subItem === '' ? null : Number(subItem),
      phaseId: phaseId === '' ? null : phaseId,
      partyIds: parties.filter((p) => partyIds.has(p.id)).map((p) => p.id),
      deadline: deadlineBody(deadline),
      targetQuantity: target === '' ? null : Number(target),
      targetUnit: target === '' || unit.trim() === '' ? null : unit.trim(),
      verificationMethod: verification.trim(),
    };
    if (c !== undefined) return full;
    return Object.fromEntries(Object.entries(full).filter(([, v]) => v !== null)) as CommitmentInput;
  };
  const form = useSubmit(
    async () => {
      const r = c
        ? await api.patch<{ commitment: CommitmentItem }>(`/processes/${processId}/commitments/${c.id}`, {
            ...body(),
            revision: c.revision,
          })
        : await api.post<{ commitment: CommitmentItem }>(
            `/processes/${processId}/agreements/${agreement.id}/commitments`,
            body(),
          );
      return r.commitment;
    },
    onSaved,
    'The commitment could not be saved. Try again.',
    FIELDS,
  );
  const toggleParty = (id: string) =>
    setPartyIds((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Dialog title={c ? `Edit “${c.title}”` : 'Add a commitment'} onClose={onClose} size="large">
      <form
        onSubmit={form.onSubmit}
        className="commitment-form stack"
        aria-label={c ? 'Edit commitment' : 'New commitment'}
      >
        <div className="form-row">
          <label className="field grow">
            <span className="field-label">Point of the adopted text</span>
            <select
              value={pointId}
              disabled={points === null}
              onChange={(e) => {
                setPointId(e.target.value);
                setSubItem('');
              }}
            >
              <option value="">
                {points === null ? 'Loading the text…' : 'None: the agreement as a whole'}
              </option>
              {points?.map((p) => (
                <option key={p.point.id} value={p.point.id}>
                  {pointChoiceLabel(p.point)}
                </option>
              ))}
            </select>
            <InlineError message={form.fieldError('pointId')} />
          </label>
          {point !== undefined && point.items.length > 0 && (
            <label className="field">
              <span className="field-label">Sub-item</span>
              <select value={subItem} onChange={(e) => setSubItem(e.target.value)}>
                <option value="">The whole point</option>
                {point.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sub-items are identified by their place in the point.
                  <option key={i} value={String(i)}>
                    {item.label ?? `•${i + 1}`} {item.text.slice(0, 50)}
                  </option>
                ))}
              </select>
              <InlineError message={form.fieldError('subItem')} />
            </label>
          )}
        </div>
        <label className="field">
          <span className="field-label">Title</span>
          <input
            value={title}
            required
            maxLength={300}
            placeholder="Release of all living hostages"
            aria-invalid={form.fieldError('title') !== undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
          <InlineError message={form.fieldError('title')} />
        </label>
        <label className="field">
          <span className="field-label">What is to be done</span>
          <textarea
            value={description}
            rows={3}
            maxLength={20_000}
            aria-invalid={form.fieldError('description') !== undefined}
            onChange={(e) => setDescription(e.target.value)}
          />
          <InlineError message={form.fieldError('description')} />
        </label>
        <fieldset className="field">
          <legend className="field-label">Obligated parties</legend>
          <div className="party-choices">
            {parties.map((p) => (
              <label key={p.id} className="mon-choice">
                <input type="checkbox" checked={partyIds.has(p.id)} onChange={() => toggleParty(p.id)} />{' '}
                <PartySwatch colour={p.colour} /> {p.name}
              </label>
            ))}
          </div>
          <InlineError message={form.fieldError('partyIds')} />
        </fieldset>
        <DeadlineEditor
          value={deadline}
          onChange={setDeadline}
          anchors={anchors}
          fieldError={form.fieldError}
        />
        <div className="form-row">
          <label className="field">
            <span className="field-label">
              Quantity target <span className="optional">(optional)</span>
            </span>
            <input
              type="number"
              className="number-field"
              min={1}
              step={1}
              value={target}
              aria-invalid={form.fieldError('targetQuantity') !== undefined}
              onChange={(e) => setTarget(e.target.value)}
            />
            <InlineError message={form.fieldError('targetQuantity')} />
          </label>
          <label className="field grow">
            <span className="field-label">Counted in</span>
            <input
              value={unit}
              maxLength={100}
              disabled={target === ''}
              placeholder="living hostages, remains, detainees…"
              aria-invalid={form.fieldError('targetUnit') !== undefined}
              onChange={(e) => setUnit(e.target.value)}
            />
            <InlineError message={form.fieldError('targetUnit')} />
          </label>
          {phases.length > 0 && (
            <label className="field grow">
              <span className="field-label">Phase</span>
              <select value={phaseId} onChange={(e) => setPhaseId(e.target.value)}>
                <option value="">No phase</option>
                {phases.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <InlineError message={form.fieldError('phaseId')} />
            </label>
          )}
        </div>
        <label className="field">
          <span className="field-label">Verification method</span>
          <textarea
            value={verification}
            rows={2}
            maxLength={5000}
            placeholder="Confirmed by the ICRC at the hand-over points"
            aria-invalid={form.fieldError('verificationMethod') !== undefined}
            onChange={(e) => setVerification(e.target.value)}
          />
          <InlineError message={form.fieldError('verificationMethod')} />
        </label>
        <InlineError message={form.general} />
        <FormButtons
          busy={form.busy}
          label={c ? 'Save changes' : 'Add commitment'}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
