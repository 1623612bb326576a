import type { Stance, StanceMove } from './types.ts';

/** Stances from most to least favourable, as the legend and the form list them. */
export const STANCE_ORDER: readonly Stance[] = ['support', 'reservations', 'undecided', 'oppose'];

export const STANCE_LABELS: Record<Stance, string> = {
  support: 'Support',
  reservations: 'Support with reservations',
  undecided: 'Undecided',
  oppose: 'Oppose',
};

/** Short labels for the matrix cells. */
export const STANCE_SHORT: Record<Stance, string> = {
  support: 'Support',
  reservations: 'Reservations',
  undecided: 'Undecided',
  oppose: 'Oppose',
};

export const PRIORITY_LABELS: Record<number, string> = {
  1: 'minor',
  2: 'low',
  3: 'medium',
  4: 'high',
  5: 'vital',
};

export const MOVE_LABELS: Record<StanceMove, string> = {
  first: 'first stance',
  towards: 'towards support',
  away: 'away from support',
  unchanged: 'unchanged',
};

export const MOVE_ARROWS: Record<StanceMove, string> = {
  first: '•',
  towards: '↑',
  away: '↓',
  unchanged: '→',
};
