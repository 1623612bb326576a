import { useRef, useState } from 'react';

/** The signing secret of a new webhook, shown this once, with a copy button. */
export function SecretNotice({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C.
      input.current?.select();
      setCopied('select');
    }
  }
  return (
    <div className="panel webhook-secret" role="status">
      <h2>Copy the signing secret now</h2>
      <p>
        The webhook for <strong>{url}</strong> is added. Its secret is shown <strong>only this once</strong>:
        store it where the receiver checks signatures. If it is lost, delete the webhook and add it again.
      </p>
      <div className="form-row">
        <input
          ref={input}
          className="mono grow"
          readOnly
          value={secret}
          aria-label="Signing secret"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'select'
            ? 'Selected: press Ctrl+C (⌘C) to copy.'
            : ''}
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
