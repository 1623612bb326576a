import { PasswordSection } from '../account/password-section.tsx';
import { SessionsSection } from '../account/sessions-section.tsx';
import { SignInHistorySection } from '../account/sign-in-history-section.tsx';
import { TokensSection } from '../account/tokens-section.tsx';
import { TwoFactorSection } from '../account/two-factor-section.tsx';
import { useSession } from '../auth/session.tsx';
import { useBreadcrumb } from '../components/breadcrumb.tsx';
import '../styles/account.css';

const SECTIONS = [
  ['password-heading', 'Password'],
  ['two-factor-heading', 'Two-factor sign-in'],
  ['sessions-heading', 'Sessions'],
  ['tokens-heading', 'API tokens'],
  ['history-heading', 'Sign-in history'],
] as const;

/** The signed-in user's own account: password, two-factor sign-in, sessions, API tokens, history. */
export default function AccountPage() {
  useBreadcrumb([{ label: 'Your account' }], 'Your account');
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  return (
    <div className="account-page">
      <div className="page-head">
        <h1>Your account</h1>
        <p className="muted">
          Signed in as {state.user.name} ({state.user.email}).
        </p>
        <nav aria-label="On this page">
          <ul className="account-toc">
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <PasswordSection email={state.user.email} />
      <TwoFactorSection />
      <SessionsSection />
      <TokensSection />
      <SignInHistorySection />
    </div>
  );
}
