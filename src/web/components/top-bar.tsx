import { Link } from 'wouter';
import { useSession } from '../auth/session.tsx';
import { useCrumbs } from './breadcrumb.tsx';

export function TopBar() {
  const { state, signOut } = useSession();
  const crumbs = useCrumbs();
  return (
    <header className="top-bar">
      <Link href="/" className="brand">
        Entente
      </Link>
      {state.status === 'signed-in' && crumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <ol>
            {crumbs.map((c, i) => (
              <li key={c.href ?? c.label}>
                {c.href !== undefined && i < crumbs.length - 1 ? (
                  <Link href={c.href}>{c.label}</Link>
                ) : (
                  <span aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{c.label}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {state.status === 'signed-in' && (
        <div className="user-menu">
          <Link
            href="/account"
            className="user-name"
            title={`${state.user.email}: password, two-factor sign-in, sessions, API tokens`}
            aria-label={`Your account (${state.user.name})`}
          >
            {state.user.name}
          </Link>
          <button type="button" className="button button-quiet" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
