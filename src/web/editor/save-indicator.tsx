import type { SaveState } from './use-draft.ts';

const TEXT: Record<SaveState, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  failed: 'Last change not saved',
  conflict: 'Conflict — see below',
};

export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span className={`save-state save-${state}`} role="status">
      {TEXT[state]}
    </span>
  );
}
