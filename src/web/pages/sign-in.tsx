import { type FormEvent, useState } from 'react';
import { Redirect, useSearch } from 'wouter';
import { errorMessage } from '../api/api-error.ts';
import { useSession } from '../auth/session.tsx';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import { InlineError } from '../components/status.tsx';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

export function SignInPage() {
  useBreadcrumb([], 'Sign in');
  const { state, signIn } = useSession();
  const search = useSearch();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-in') return <Redirect to={safeNext(search)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
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
              onChange={(e) => setEmail(e.target.value)}
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
          <InlineError id="sign-in-error" message={error ?? sessionError} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </section>
  );
}
