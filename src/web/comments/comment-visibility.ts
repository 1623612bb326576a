import type { CommentThread } from './comment-types.ts';
import type { CommentReader } from './use-comment-reader.ts';

/** Who besides its writers reads a thread, said from the reader's side. */
export function visibilityText(thread: CommentThread, reader: CommentReader): string {
  const own = thread.party.id === reader.membership?.partyId;
  const readerIsMediator = reader.membership?.role === 'mediator';
  if (own && readerIsMediator) return `Internal to the ${reader.mediatorName}`;
  if (own)
    return thread.visibility === 'mediator'
      ? `Visible to the ${reader.mediatorName} and your party`
      : 'Only your party';
  return `Visible to the ${reader.mediatorName} and ${thread.party.name}`;
}
