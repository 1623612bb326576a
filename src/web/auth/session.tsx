import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthorized } from '../api/client.ts';
import type { User } from '../api/types.ts';

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; error?: string }
  | { status: 'signed-in'; user: User };

interface Session {
  state: SessionState;
  /** Throws the server's ApiError: auth.totp_required asks for `code`, auth.locked says until when. */
  signIn: (email: string, password: string, code?: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Forgets the user here after the server already ended the session (signed out everywhere). */
  forget: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** Knows who is signed in; asks the server once at start and again after sign-in or a 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    api.get<{ user: User }>('/auth/me').then(
      ({ user }) => setState({ status: 'signed-in', user }),
      (err: unknown) => {
        const unreachable = err instanceof ApiError && err.status !== 401 ? err.detail : undefined;
        setState(
          unreachable === undefined ? { status: 'signed-out' } : { status: 'signed-out', error: unreachable },
        );
      },
    );
    return onUnauthorized(() => setState({ status: 'signed-out' }));
  }, []);

  const signIn = useCallback(async (email: string, password: string, code?: string) => {
    const body = code === undefined ? { email, password } : { email, password, code };
    const { user } = await api.post<{ user: User }>('/auth/sign-in', body);
    setState({ status: 'signed-in', user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/sign-out');
    } finally {
      setState({ status: 'signed-out' });
    }
  }, []);

  const forget = useCallback(() => setState({ status: 'signed-out' }), []);

  const value = useMemo(() => ({ state, signIn, signOut, forget }), [state, signIn, signOut, forget]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}
