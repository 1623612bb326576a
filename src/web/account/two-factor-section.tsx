import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import { formatDateTime } from '../components/format.ts';
import { ErrorBox, InlineError, Loading } from '../components/status.tsx';
import type { TotpSetup, TwoFactorStatus } from './account-types.ts';
import { useAction } from './use-action.ts';

/** Two-factor sign-in with an authenticator app: set up (password, scan, confirm) or turn off. */
export function TwoFactorSection() {
  const status = useResource<TwoFactorStatus>('/me/two-factor');
  return (
    <section className="panel" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      {status.state === 'loading' && <Loading />}
      {status.state === 'error' && <ErrorBox error={status.error} onRetry={status.reload} />}
      {status.state === 'ready' &&
        (status.data.enabled ? (
          <TurnOff enabledAt={status.data.enabledAt} onDone={status.set} />
        ) : (
          <SetUp pending={status.data.pending} onDone={status.set} />
        ))}
    </section>
  );
}

function TurnOff({ enabledAt, onDone }: { enabledAt: string | null; onDone: (s: TwoFactorStatus) => void }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const action = useAction(
    () => api.post<TwoFactorStatus>('/me/two-factor/disable', { password, code }),
    onDone,
    'Two-factor sign-in could not be turned off.',
    ['password', 'code'],
  );
  return (
    <>
      <p>
        <strong className="ok-line">On</strong>
        {enabledAt !== null && ` since ${formatDateTime(enabledAt)}`}. Signing in asks for a code from your
        authenticator app after the password.
      </p>
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Turn off…
        </button>
      ) : (
        <form
          className="stack account-form"
          onSubmit={action.onSubmit}
          aria-label="Turn off two-factor sign-in"
        >
          <p className="hint">To turn it off, confirm with your password and a current code.</p>
          <PasswordField
            value={password}
            onChange={setPassword}
            error={action.fieldError('password')}
            autoFocus
          />
          <CodeField value={code} onChange={setCode} error={action.fieldError('code')} />
          <InlineError message={action.general} />
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={action.busy}>
              {action.busy ? 'Turning off…' : 'Turn off two-factor sign-in'}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function SetUp({ pending, onDone }: { pending: boolean; onDone: (s: TwoFactorStatus) => void }) {
  const [step, setStep] = useState<'idle' | 'password' | 'scan'>('idle');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const start = useAction(
    () => api.post<TotpSetup>('/me/two-factor/setup', { password }),
    (result) => {
      setSetup(result);
      setPassword('');
      setStep('scan');
    },
    'Two-factor sign-in could not be set up.',
    ['password'],
  );
  const confirm = useAction(
    () => api.post<TwoFactorStatus>('/me/two-factor/confirm', { code }),
    onDone,
    'The code could not be checked.',
    ['code'],
  );

  if (step === 'idle') {
    return (
      <>
        <p>
          <strong>Off.</strong> With two-factor sign-in, a stolen password is not enough: signing in also
          takes a 6-digit code from an app on your phone (any authenticator app, such as FreeOTP, Aegis,
          Google or Microsoft Authenticator).
        </p>
        {pending && (
          <p className="hint">A setup was started but not finished; start again to get a new code.</p>
        )}
        <button type="button" className="button button-primary" onClick={() => setStep('password')}>
          Set up two-factor sign-in…
        </button>
      </>
    );
  }
  if (step === 'password' || setup === null) {
    return (
      <form className="stack account-form" onSubmit={start.onSubmit} aria-label="Set up two-factor sign-in">
        <p className="hint">First confirm it is you.</p>
        <PasswordField
          value={password}
          onChange={setPassword}
          error={start.fieldError('password')}
          autoFocus
        />
        <InlineError message={start.general} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={start.busy}>
            {start.busy ? 'Preparing…' : 'Continue'}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setStep('idle')}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <form className="stack account-form" onSubmit={confirm.onSubmit} aria-label="Confirm two-factor sign-in">
      <ol className="setup-steps">
        <li>
          Scan this QR code with your authenticator app:
          <img
            className="qr-code"
            src={`data:image/svg+xml;base64,${btoa(setup.qrSvg)}`}
            alt="QR code to add Entente to your authenticator app"
            width={200}
            height={200}
          />
          <span className="hint">
            Or type this key into the app: <code className="secret">{groupsOf4(setup.secret)}</code>
          </span>
        </li>
        <li>Enter the 6-digit code the app now shows for Entente.</li>
      </ol>
      <CodeField value={code} onChange={setCode} error={confirm.fieldError('code')} />
      <InlineError message={confirm.general} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={confirm.busy}>
          {confirm.busy ? 'Checking…' : 'Turn on two-factor sign-in'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setStep('idle')}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "JBSW Y3DP EHPK 3PXP": easier to type from the screen. */
function groupsOf4(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function PasswordField(props: {
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
  autoFocus?: boolean;
}) {
  return (
    <label className="field">
      <span className="field-label">Your password</span>
      <input
        type="password"
        autoComplete="current-password"
        required
        autoFocus={props.autoFocus}
        aria-invalid={props.error !== undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <InlineError message={props.error} />
    </label>
  );
}

function CodeField(props: { value: string; onChange: (v: string) => void; error: string | undefined }) {
  const ref = useRef<HTMLInputElement>(null);
  // After a wrong code the field is emptied and focused for the next one.
  useEffect(() => {
    if (props.error !== undefined) ref.current?.focus();
  }, [props.error]);
  return (
    <label className="field">
      <span className="field-label">6-digit code</span>
      <input
        ref={ref}
        className="code-field"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        required
        aria-invalid={props.error !== undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <InlineError message={props.error} />
    </label>
  );
}
