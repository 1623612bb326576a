import { useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { VersionSummary } from '../api/types.ts';
import { Dialog } from '../components/dialog.tsx';
import { InlineError } from '../components/status.tsx';

interface Props {
  planId: string;
  revision: number;
  onClose: () => void;
  onCut: (v: VersionSummary) => void;
}

/** Freezes the working draft into an immutable, hashed version. */
export function CutVersionDialog({ planId, revision, onClose, onCut }: Props) {
  const [note, setNote] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  async function cut() {
    setBusy(true);
    setError(undefined);
    try {
      const body: { note?: string; label?: string } = {};
      if (note.trim() !== '') body.note = note.trim();
      if (label.trim() !== '') body.label = label.trim();
      const { version } = await api.post<{ version: VersionSummary }>(`/plans/${planId}/versions`, body);
      onCut(version);
    } catch (err) {
      setError(
        err instanceof ApiError ? err : new ApiError(0, 'client', 'The version could not be cut.', [], {}),
      );
      setBusy(false);
    }
  }

  const footer = (
    <>
      <button type="button" className="button button-quiet" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form="cut-version-form" className="button button-primary" disabled={busy}>
        {busy ? 'Cutting…' : 'Cut version'}
      </button>
    </>
  );

  return (
    <Dialog title="Cut a version" onClose={onClose} footer={footer}>
      <form
        id="cut-version-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void cut();
        }}
      >
        <p className="muted">
          Freezes the working draft as it is now (revision {revision}). The version cannot be changed
          afterwards; it can be compared, exported and released to parties.
        </p>
        <label className="field">
          <span className="field-label">Note</span>
          <textarea
            rows={3}
            value={note}
            autoFocus
            placeholder="What changed, and why"
            onChange={(e) => setNote(e.target.value)}
          />
          <InlineError message={error?.fieldReason('note')} />
        </label>
        <label className="field">
          <span className="field-label">
            Label <span className="optional">optional; “Draft N” when left empty</span>
          </span>
          <input value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
          <InlineError message={error?.fieldReason('label')} />
        </label>
        <InlineError message={error !== undefined && error.errors.length === 0 ? error.detail : undefined} />
      </form>
    </Dialog>
  );
}
