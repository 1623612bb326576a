import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { viewerCan } from '../auth/viewer.ts';
import { formatDateTime } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { PartySwatch } from '../process/party-swatch.tsx';
import { CommentForm } from './comment-form.tsx';
import type { CommentItem, CommentThread } from './comment-types.ts';
import { visibilityText } from './comment-visibility.ts';
import type { CommentReader } from './use-comment-reader.ts';
import type { Comments } from './use-comments.ts';

interface Props {
  thread: CommentThread;
  pointNumber: string;
  reader: CommentReader;
  actions: Comments;
}

/** One thread: who reads it, its comments oldest first, and a reply box for those who may write. */
export function CommentThreadView({ thread, pointNumber, reader, actions }: Props) {
  const [replying, setReplying] = useState(false);
  const canReply = viewerCan(reader.membership, 'comment.write', {
    record: { partyId: thread.party.id, sharedWithMediator: thread.visibility === 'mediator' },
  });
  const audience = visibilityText(thread, reader);
  return (
    <article className="comment-thread" aria-label={`Thread of ${thread.party.code} on point ${pointNumber}`}>
      <header className="comment-thread-head">
        <PartySwatch colour={thread.party.colour} />{' '}
        <span className="comment-party">{thread.party.code}</span>
        <span className={`comment-audience audience-${thread.visibility}`}>{audience}</span>
      </header>
      <ol className="comment-list">
        {thread.comments.map((c) => (
          <CommentEntry
            key={c.id}
            comment={c}
            actions={actions}
            mine={canReply && c.author.id === reader.userId}
            opensThread={c.id === thread.id && thread.replyCount > 0}
          />
        ))}
      </ol>
      {canReply &&
        (replying ? (
          <CommentForm
            label={`Reply to this thread on point ${pointNumber}`}
            submitLabel="Send reply"
            onCancel={() => setReplying(false)}
            onSave={async (body) => {
              await actions.reply(thread.id, body);
              setReplying(false);
            }}
          />
        ) : (
          <button type="button" className="link-button comment-reply" onClick={() => setReplying(true)}>
            Reply
          </button>
        ))}
    </article>
  );
}

function CommentEntry({
  comment,
  actions,
  mine,
  opensThread,
}: {
  comment: CommentItem;
  actions: Comments;
  mine: boolean;
  /** The thread's first comment while it has replies: it can be edited, not deleted. */
  opensThread: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (editing)
    return (
      <li className="comment">
        <CommentForm
          label="Edit your comment"
          submitLabel="Save"
          initial={comment.body}
          onCancel={() => setEditing(false)}
          onSave={async (body) => {
            await actions.edit(comment.id, body);
            setEditing(false);
          }}
        />
      </li>
    );
  const edited = comment.updatedAt !== comment.createdAt;
  return (
    <li className="comment">
      <div className="comment-meta">
        <span className="comment-author">{comment.author.name}</span>
        {comment.author.partyCode !== null && <span className="muted"> ({comment.author.partyCode})</span>}
        {' · '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {edited && <span className="muted"> · edited</span>}
        {mine && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
            {!opensThread && (
              <>
                {' · '}
                {confirming ? (
                  <>
                    <button
                      type="button"
                      className="link-button danger-link"
                      autoFocus
                      onClick={() =>
                        void actions.remove(comment.id).catch((err: unknown) => setError(errorMessage(err)))
                      }
                    >
                      Delete this comment
                    </button>{' '}
                    <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                      Keep it
                    </button>
                  </>
                ) : (
                  <button type="button" className="link-button" onClick={() => setConfirming(true)}>
                    Delete
                  </button>
                )}
              </>
            )}
          </>
        )}
      </div>
      <p className="comment-body">{comment.body}</p>
      <InlineError message={error} />
    </li>
  );
}
