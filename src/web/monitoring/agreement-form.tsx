import { useState } from 'react';
import { api } from '../api/client.ts';
import type { ProcessDetail } from '../api/types.ts';
import { Dialog } from '../components/dialog.tsx';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { viewerZone } from '../meetings/meeting-format.ts';
import { useProcessVersions } from '../meetings/use-process-versions.ts';
import {
  type EntryIntoForceDraft,
  EntryIntoForceFields,
  entryIntoForceBody,
} from './entry-into-force-fields.tsx';
import { todayLocal } from './monitoring-format.ts';
import type { Agreement } from './monitoring-types.ts';
import { type PhaseDraft, PhaseFields, phasesBody } from './phase-fields.tsx';
import { type SignatureDraft, SignatureFields, signaturesBody } from './signature-fields.tsx';
import { useSubmit } from './use-submit.ts';

interface Props {
  processId: string;
  overview: ProcessDetail;
  /** The agreement whose settings are edited; adopting a new one when absent. */
  agreement?: Agreement;
  onClose: () => void;
  onSaved: (agreement: Agreement) => void;
}

/**
 * Adopts a version of a plan as an agreement, or edits an agreement's settings (mediator team):
 * title, adoption date, each party's signature or endorsement, entry into force, phases. The
 * adopted version itself cannot change: the commitments point at its text.
 */
export function AgreementForm({ processId, overview, agreement, onClose, onSaved }: Props) {
  const versions = useProcessVersions(overview.plans);
  const [versionId, setVersionId] = useState(agreement?.versionId ?? '');
  const [title, setTitle] = useState(agreement?.title ?? '');
  const [titleTouched, setTitleTouched] = useState(agreement !== undefined);
  const [adoptedOn, setAdoptedOn] = useState(agreement?.adoptedOn ?? todayLocal());
  const [eif, setEif] = useState<EntryIntoForceDraft>({
    set: agreement?.entryIntoForce != null,
    local: agreement?.entryIntoForce?.local ?? '',
    zone: agreement?.entryIntoForce?.zone ?? viewerZone(),
  });
  const [signatures, setSignatures] = useState<Map<string, SignatureDraft>>(
    () =>
      new Map((agreement?.signatures ?? []).map((s) => [s.partyId, { kind: s.kind, signedOn: s.signedOn }])),
  );
  const [phases, setPhases] = useState<PhaseDraft[]>(
    () =>
      agreement?.phases
        .slice()
        .sort((a, b) => a.position - b.position)
        .map((p) => ({ key: p.id, id: p.id, name: p.name, description: p.description })) ?? [],
  );

  const chooseVersion = (id: string) => {
    setVersionId(id);
    const v = versions.find((x) => x.id === id);
    if (v !== undefined && !titleTouched) setTitle(`${v.planTitle} (${v.label})`);
  };
  // A new agreement leaves entry into force out until it is known; an edit clears it with null.
  const body = () => {
    const entryIntoForce = entryIntoForceBody(eif);
    return {
      title: title.trim(),
      adoptedOn,
      ...(entryIntoForce === null && agreement === undefined ? {} : { entryIntoForce }),
      signatures: signaturesBody(overview.parties, signatures),
      phases: phasesBody(phases),
    };
  };
  const form = useSubmit(
    () =>
      agreement
        ? api.patch<{ agreement: Agreement }>(`/processes/${processId}/agreements/${agreement.id}`, {
            ...body(),
            revision: agreement.revision,
          })
        : api.post<{ agreement: Agreement }>(`/processes/${processId}/agreements`, { versionId, ...body() }),
    (r) => onSaved(r.agreement),
    'The agreement could not be saved. Try again.',
    ['versionId', 'title', 'adoptedOn', 'entryIntoForce', 'signatures', 'phases'],
  );

  return (
    <Dialog
      title={agreement ? `Settings of “${agreement.title}”` : 'Adopt a version as an agreement'}
      onClose={onClose}
      size="large"
    >
      <form
        onSubmit={form.onSubmit}
        className="agreement-form stack"
        aria-label={agreement ? 'Agreement settings' : 'New agreement'}
      >
        {agreement ? (
          <p className="hint">
            Adopted text: <strong>{agreement.versionLabel}</strong>. It cannot change; adopt another version
            as a new agreement instead.
          </p>
        ) : (
          <label className="field">
            <span className="field-label">Adopted version</span>
            <select
              value={versionId}
              required
              aria-invalid={form.fieldError('versionId') !== undefined}
              onChange={(e) => chooseVersion(e.target.value)}
            >
              <option value="">Choose the version that was signed…</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.planTitle} · {v.label}
                </option>
              ))}
            </select>
            <span className="hint">
              Parties that hold this version will see the agreement and how it is implemented.
            </span>
            <InlineError message={form.fieldError('versionId')} />
          </label>
        )}
        <div className="form-row">
          <label className="field grow">
            <span className="field-label">Title</span>
            <input
              value={title}
              required
              maxLength={300}
              aria-invalid={form.fieldError('title') !== undefined}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleTouched(true);
              }}
            />
            <InlineError message={form.fieldError('title')} />
          </label>
          <label className="field">
            <span className="field-label">Adopted on</span>
            <input
              type="date"
              value={adoptedOn}
              required
              aria-invalid={form.fieldError('adoptedOn') !== undefined}
              onChange={(e) => setAdoptedOn(e.target.value)}
            />
            <InlineError message={form.fieldError('adoptedOn')} />
          </label>
        </div>
        <EntryIntoForceFields value={eif} onChange={setEif} fieldError={form.fieldError} />
        <SignatureFields
          parties={overview.parties}
          value={signatures}
          onChange={setSignatures}
          fieldError={form.fieldError}
        />
        <PhaseFields value={phases} onChange={setPhases} fieldError={form.fieldError} />
        <InlineError message={form.general} />
        <FormButtons
          busy={form.busy}
          label={agreement ? 'Save settings' : 'Adopt as agreement'}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
