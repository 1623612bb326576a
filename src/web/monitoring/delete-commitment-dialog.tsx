import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { Dialog } from '../components/dialog.tsx';
import { InlineError } from '../components/status.tsx';
import type { CommitmentItem } from './monitoring-types.ts';

/** Asks before a commitment is removed with its progress entries and scores (mediator team). */
export function DeleteCommitmentDialog({
  processId,
  commitment,
  onClose,
  onDeleted,
}: {
  processId: string;
  commitment: CommitmentItem;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const remove = async () => {
    setBusy(true);
    try {
      await api.delete(`/processes/${processId}/commitments/${commitment.id}`);
      onDeleted();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Remove this commitment?"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Keep it
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => void remove()}
          >
            {busy ? 'Removing…' : 'Remove'}
          </button>
        </>
      }
    >
      <p>
        “{commitment.title}” is removed from the agreement with its progress entries and scores. The audit log
        keeps the record. Links from event reports to it are removed too.
      </p>
      <InlineError message={error} />
    </Dialog>
  );
}
