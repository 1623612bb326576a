import { useState } from 'react';
import { viewerCan } from '../auth/viewer.ts';
import { plural } from '../components/format.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentThreadView } from './comment-thread.tsx';
import type { CommentThread } from './comment-types.ts';
import type { CommentReader } from './use-comment-reader.ts';
import type { Comments } from './use-comments.ts';
import { type Audience, VisibilityChoice } from './visibility-choice.tsx';
import '../styles/comments.css';

interface Props {
  pointId: string;
  pointNumber: string;
  threads: CommentThread[];
  reader: CommentReader;
  actions: Comments;
}

/** The comment threads under one point that the reader may see, and a way to open a new one. */
export function CommentsPanel({ pointId, pointNumber, threads, reader, actions }: Props) {
  const [adding, setAdding] = useState(false);
  const ownParty = reader.membership?.partyId ?? '';
  const canWrite = viewerCan(reader.membership, 'comment.write', {
    record: { partyId: ownParty, sharedWithMediator: false },
  });
  if (threads.length === 0 && !canWrite) return null;
  const comments = threads.reduce((n, t) => n + t.comments.length, 0);
  return (
    <section
      className={threads.length === 0 && !adding ? 'comments no-comments' : 'comments'}
      aria-label={`Comments on point ${pointNumber}`}
    >
      {threads.length > 0 && (
        <div className="comments-head">
          Comments · {plural(threads.length, 'thread')}, {plural(comments, 'comment')}
        </div>
      )}
      {threads.map((t) => (
        <CommentThreadView
          key={t.id}
          thread={t}
          pointNumber={pointNumber}
          reader={reader}
          actions={actions}
        />
      ))}
      {canWrite &&
        (adding ? (
          <NewThread
            pointId={pointId}
            pointNumber={pointNumber}
            reader={reader}
            actions={actions}
            onDone={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button button-small button-quiet" onClick={() => setAdding(true)}>
            Comment on point {pointNumber}
          </button>
        ))}
    </section>
  );
}

function NewThread({
  pointId,
  pointNumber,
  reader,
  actions,
  onDone,
}: {
  pointId: string;
  pointNumber: string;
  reader: CommentReader;
  actions: Comments;
  onDone: () => void;
}) {
  // Nothing is shared until the writer says so: a new thread starts as the party's (or team's) own.
  const [audience, setAudience] = useState<Audience>({ visibility: 'party' });
  return (
    <CommentForm
      label={`New comment on point ${pointNumber}`}
      submitLabel="Post comment"
      onCancel={onDone}
      onSave={async (body) => {
        await actions.open({ pointId, body, ...audience });
        onDone();
      }}
    >
      <VisibilityChoice reader={reader} value={audience} onChange={setAudience} />
    </CommentForm>
  );
}
