import { type FormEvent, type ReactNode, useState } from 'react';
import { errorMessage } from '../api/api-error.ts';

/** The hint under a field whose text becomes a point: how to write its sub-items. */
export const SUB_ITEMS_HINT = 'Sub-items one a line, as “a) …”.';

/**
 * A dialog's one request: busy while it runs, closing on success, the server's message under the
 * form otherwise (and the form usable again).
 */
export function useDialogSend(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function send(e: FormEvent, request: () => Promise<unknown>) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await request();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return { busy, error, send };
}

/** A labelled text area of an amendment dialog (texts and replies are at most 8,000 characters). */
export function TextField({
  label,
  value,
  onChange,
  rows,
  required,
  hint,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  required?: boolean;
  hint?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <textarea
        value={value}
        rows={rows}
        maxLength={8000}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint !== undefined && <span className="muted small">{hint}</span>}
    </label>
  );
}
