/** The submit and cancel row at the foot of a small form. */
export function FormButtons({
  busy,
  label,
  busyLabel,
  onCancel,
  disabled = false,
  small = false,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel: () => void;
  /** Not ready to submit yet (say, nothing typed), besides while busy. */
  disabled?: boolean;
  /** Small buttons, for a form inside a list (a comment, a note). */
  small?: boolean;
}) {
  const size = small ? ' button-small' : '';
  return (
    <div className="button-row">
      <button type="submit" className={`button button-primary${size}`} disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className={`button button-quiet${size}`} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
