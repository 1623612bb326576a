import type { ReactNode } from 'react';
import type { PlanNote } from '../../domain/plans/plan.ts';
import { Markdown } from './markdown.tsx';

/** An unnumbered note between points ("[The delegation … reserved its position …]"), set apart from the text. */
export function PlanNoteView({ note, tools }: { note: PlanNote; tools?: ReactNode }) {
  return (
    <div className="plan-note" role="note" id={`note-${note.id}`}>
      <Markdown text={note.text} className="prose plan-note-text" />
      {tools}
    </div>
  );
}
