import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Redirect, useSearch } from 'wouter';
import { errorMessage } from '../api/api-error.ts';
import { isApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { InlineError } from '../components/status.tsx';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "Too many failed sign-ins. Try again at 14:32 (in 15 minutes)." in the reader's own time zone. */
function lockMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Too many failed sign-ins. For your protection, signing in is paused: try again at ${timeFormat.format(until)} (in ${minutes} minute${minutes === 1 ? '' : 's'}).`;
}

export function SignInPage() {
  useBreadcrumb([], 'Sign in');
  const { state, signIn } = useSession();
  const search = useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Shown once the server says this account signs in with a second factor.
  const [needCode, setNeedCode] = useState(false);
  const [lockedUntil, setLockedUntil] = useState<Date | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needCode) codeInput.current?.focus();
  }, [needCode]);

  // The button comes back by itself when the pause is over.
  useEffect(() => {
    if (lockedUntil === null) return;
    const timer = setTimeout(
      () => {
        setLockedUntil(null);
        setError(undefined);
      },
      Math.max(0, lockedUntil.getTime() - Date.now()) + 500,
    );
    return () => clearTimeout(timer);
  }, [lockedUntil]);

  if (state.status === 'signed-in') return <Redirect to={safeNext(search)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email.trim(), password, needCode ? code : undefined);
    } catch (err) {
      setBusy(false);
      if (isApiError(err, 'auth.totp_required')) {
        setNeedCode(true);
        return;
      }
      if (isApiError(err, 'auth.locked')) {
        const until = new Date(String(err.extra.lockedUntil));
        if (!Number.isNaN(until.getTime())) {
          setLockedUntil(until);
          setError(lockMessage(until));
          return;
        }
      }
      if (isApiError(err, 'auth.totp_invalid')) {
        setCode('');
        codeInput.current?.focus();
      }
      setError(errorMessage(err));
    }
  }

  const sessionError = state.status === 'signed-out' ? state.error : undefined;
  return (
    <section className="sign-in">
      <div className="sign-in-card">
        <h1>Sign in to Entente</h1>
        <p className="muted">
          Drafts and positions are confidential. Sign in with the account your team gave you.
        </p>
        <form onSubmit={(e) => void submit(e)} className="stack" aria-describedby="sign-in-error">
          <label className="field">
            <span className="field-label">Email</span>
            <input
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setNeedCode(false);
              }}
            />
          </label>
          <label className="field">
            <span className="field-label">Password</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {needCode && (
            <div className="field">
              <label className="field-label" htmlFor="sign-in-code">
                Code from your authenticator app
              </label>
              <input
                id="sign-in-code"
                ref={codeInput}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9 ]{6,7}"
                maxLength={7}
                required
                className="code-field"
                aria-describedby="code-hint"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
              <span className="hint" id="code-hint">
                This account uses two-factor sign-in. Enter the 6 digits your app shows now.
              </span>
            </div>
          )}
          <InlineError id="sign-in-error" message={error ?? sessionError} />
          <button type="submit" className="button button-primary" disabled={busy || lockedUntil !== null}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </section>
  );
}
