import { emailOf, type MatrixCase, type MatrixFixture, partyOf } from '../authorization-cases.ts';

/** The delegate whose party stands for "another party's" record in every area. */
export const VELORIA = 'lead@veloria.example';

/** The asker's address when the case is about its own record; null for "other" and for the outsider. */
export function ownEmail(c: Pick<MatrixCase, 'role' | 'note'>): string | null {
  return c.note === 'own' ? emailOf(c.role) : null;
}

/** The party a case's record belongs to: the asker's own for "own", else (and for the outsider) Veloria's. */
export function recordPartyOf(fx: MatrixFixture, c: Pick<MatrixCase, 'role' | 'note'>): Promise<string> {
  return partyOf(fx, ownEmail(c) ?? VELORIA);
}

/** A record written once per fixture, at its first use, then shared by every case that asks for it. */
export function oncePerFixture(write: (fx: MatrixFixture) => Promise<string>) {
  const written = new WeakMap<MatrixFixture, Promise<string>>();
  return (fx: MatrixFixture): Promise<string> => {
    let id = written.get(fx);
    if (!id) {
      id = write(fx);
      written.set(fx, id);
    }
    return id;
  };
}
