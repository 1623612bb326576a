import { Fragment, type ReactNode } from 'react';

/**
 * Renders the plan's Markdown subset (paragraphs, *em*, **strong**, - / 1. lists) as React
 * elements. Text is never parsed as HTML, so a pasted <script> stays visible text.
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = text.split(/\n[ \t]*\n/).filter((b) => b.trim() !== '');
  return <div className={className ?? 'prose'}>{blocks.flatMap((b, i) => renderBlock(b, i))}</div>;
}

const LIST_LINE = /^\s*(?:([-*+•])|(\d+)[.)])\s+(.*)$/;

function renderBlock(block: string, key: number): ReactNode[] {
  const out: ReactNode[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flushPara = () => {
    if (para.length > 0) out.push(<p key={`${key}-p${out.length}`}>{withBreaks(para)}</p>);
    para = [];
  };
  const flushList = () => {
    if (list === null) return;
    const items = list.items.map((t, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: list items of static text have no identity
      <li key={i}>{renderInline(t)}</li>
    ));
    out.push(
      list.ordered ? (
        <ol key={`${key}-l${out.length}`}>{items}</ol>
      ) : (
        <ul key={`${key}-l${out.length}`}>{items}</ul>
      ),
    );
    list = null;
  };
  for (const line of block.split('\n')) {
    const m = LIST_LINE.exec(line);
    if (m !== null) {
      flushPara();
      const ordered = m[2] !== undefined;
      if (list === null || list.ordered !== ordered) {
        flushList();
        list = { ordered, items: [] };
      }
      list.items.push(m[3] ?? '');
    } else if (list !== null && /^\s+\S/.test(line)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return out;
}

function withBreaks(lines: string[]): ReactNode[] {
  return lines.map((l, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines of one paragraph have no identity
    <Fragment key={i}>
      {i > 0 && <br />}
      {renderInline(l)}
    </Fragment>
  ));
}

const INLINE = /\*\*(.+?)\*\*|\*(\S(?:.*?\S)?)\*/g;

/** **strong** and *em*; em may sit inside strong. Underscores are left alone (they occur in names). */
export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const start = m.index;
    if (start > last) out.push(text.slice(last, start));
    const strong = m[1];
    if (strong !== undefined) out.push(<strong key={start}>{renderInline(strong)}</strong>);
    else out.push(<em key={start}>{m[2]}</em>);
    last = start + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
