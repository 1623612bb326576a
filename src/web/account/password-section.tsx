import { useId, useState } from 'react';
import { PASSWORD_MIN, passwordFor } from '../../services/access/account.schema.ts';
import { ApiError, api } from '../api/client.ts';
import { plural } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { useAction } from './use-action.ts';

/** A problem found before sending, shown exactly like the server's own field errors. */
function fieldError(field: string, reason: string): ApiError {
  return new ApiError(400, 'validation.failed', `${field} ${reason}`, [{ field, reason }], {});
}

/** Change the password: the current one, then the new one twice; the rules are the server's own schema. */
export function PasswordSection({ email }: { email: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const id = useId();
  const {
    busy,
    onSubmit,
    fieldError: reasonFor,
    general,
  } = useAction(
    async () => {
      setDone(undefined);
      const checked = passwordFor(email).safeParse(next);
      if (!checked.success)
        throw fieldError('newPassword', checked.error.issues[0]?.message ?? 'is not allowed');
      if (again !== next) throw fieldError('confirmPassword', 'does not match the new password');
      return api.post<{ otherSessionsEnded: number }>('/me/password', {
        currentPassword: current,
        newPassword: next,
      });
    },
    ({ otherSessionsEnded }) => {
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(
        otherSessionsEnded === 0
          ? 'Password changed.'
          : `Password changed. ${plural(otherSessionsEnded, 'other session was', 'other sessions were')} signed out.`,
      );
    },
    'The password could not be changed.',
    ['currentPassword', 'newPassword', 'confirmPassword'],
  );

  return (
    <section className="panel" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form className="stack account-form" onSubmit={onSubmit} aria-label="Change password">
        <label className="field">
          <span className="field-label">Current password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            aria-invalid={reasonFor('currentPassword') !== undefined}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <InlineError message={reasonFor('currentPassword')} />
        </label>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-new`}>
            New password
          </label>
          <input
            id={`${id}-new`}
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            maxLength={200}
            aria-describedby={`${id}-hint`}
            aria-invalid={reasonFor('newPassword') !== undefined}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <span className="hint" id={`${id}-hint`}>
            At least {PASSWORD_MIN} characters. A phrase of several words is strong and easy to remember; very
            common passwords are refused.
          </span>
          <InlineError message={reasonFor('newPassword')} />
        </div>
        <label className="field">
          <span className="field-label">New password again</span>
          <input
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={reasonFor('confirmPassword') !== undefined}
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
          <InlineError message={reasonFor('confirmPassword')} />
        </label>
        <p className="hint">Changing it signs out your other sessions; this one stays signed in.</p>
        <InlineError message={general} />
        {done !== undefined && (
          <p className="ok-line" role="status">
            {done}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}
