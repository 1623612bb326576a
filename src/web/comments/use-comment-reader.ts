import type { ProcessDetail, Role } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { useSession } from '../auth/session.tsx';
import { viewerCan } from '../auth/viewer.ts';

/** Who reads the comments: enough to say who else sees a thread and what the reader may do. */
export interface CommentReader {
  userId: string;
  membership: { role: Role; partyId: string } | null | undefined;
  /** What the mediator team is called in this process ("Office of the Special Envoy"). */
  mediatorName: string;
  /** For the mediator team: the parties a thread can be addressed to; empty for everyone else. */
  parties: { id: string; name: string; code: string }[];
}

/** The reader of a process's comments, from the session and the process's parties. */
export function useCommentReader(
  processId: string | undefined,
  membership: CommentReader['membership'],
): CommentReader {
  const session = useSession();
  const process = useResource<ProcessDetail>(processId ? `/processes/${processId}` : null);
  const parties = process.data?.parties ?? [];
  const mediator = parties.find((p) => p.kind === 'mediator');
  // A page that does not know the reader's membership (the editor) takes it from the process.
  const member = membership ?? process.data?.viewer;
  return {
    userId: session.state.status === 'signed-in' ? session.state.user.id : '',
    membership: member,
    mediatorName: mediator?.name ?? 'the mediator',
    parties: viewerCan(member, 'draft.read')
      ? parties.filter((p) => p.id !== member?.partyId && p.kind !== 'mediator')
      : [],
  };
}
