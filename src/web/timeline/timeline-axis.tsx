import { scaleTime } from 'd3-scale';
import {
  type KeyboardEvent,
  type PointerEvent,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { formatDateTime } from '../components/format.ts';
import { KIND_LABELS, LANES, laneOf, type TimelineItem } from './timeline-types.ts';

const MARGIN = { top: 20, right: 24, bottom: 30, left: 156 };
const LANE_HEIGHT = 48;
const ROW_GAP = 13;
const ROWS = 3;
const MIN_GAP = 12;
const ROW_ORDER = [1, 0, 2];

interface Props {
  items: TimelineItem[];
  domain: [Date, Date];
  /** The item the list below has selected, if any. */
  selectedId: string | null;
  onSelect: (item: TimelineItem) => void;
  /** A range dragged out on the axis. */
  onZoom: (from: Date, to: Date) => void;
}

interface Placed {
  item: TimelineItem;
  x: number;
  y: number;
}

/**
 * The process on a horizontal time axis, one lane per kind. Marks are reachable by keyboard as
 * one group: Tab enters it, arrow keys move in time (left/right) and across lanes (up/down), Enter
 * shows the item in the list; hovering or focusing a mark shows what it is. Dragging across the
 * axis zooms to that range.
 */
export function TimelineAxis({ items, domain, selectedId, onSelect, onZoom }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.round(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const height = MARGIN.top + LANES.length * LANE_HEIGHT + MARGIN.bottom;
  const x = useMemo(
    () =>
      scaleTime()
        .domain(domain)
        .range([MARGIN.left, Math.max(MARGIN.left + 100, width - MARGIN.right)]),
    [domain, width],
  );
  const placed = useMemo(() => place(items, (d) => x(d)), [items, x]);
  const ordered = useMemo(() => [...placed].sort((a, b) => a.x - b.x || a.y - b.y), [placed]);

  const [active, setActive] = useState<string | null>(null);
  const [shown, setShown] = useState<Placed | null>(null);
  const marks = useRef(new Map<string, SVGGElement>());
  const activeId = ordered.some((p) => p.item.id === active) ? active : (ordered[0]?.item.id ?? null);
  useEffect(() => {
    if (selectedId && ordered.some((p) => p.item.id === selectedId)) setActive(selectedId);
  }, [selectedId, ordered]);

  const focusMark = (p: Placed | undefined) => {
    if (!p) return;
    setActive(p.item.id);
    marks.current.get(p.item.id)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, p: Placed) => {
    const i = ordered.indexOf(p);
    const lane = laneOf(p.item.kind);
    const nearestIn = (l: number) =>
      ordered
        .filter((q) => laneOf(q.item.kind) === l)
        .sort((a, b) => Math.abs(a.x - p.x) - Math.abs(b.x - p.x))[0];
    const target = (): Placed | undefined => {
      switch (e.key) {
        case 'ArrowRight':
          return ordered[i + 1];
        case 'ArrowLeft':
          return ordered[i - 1];
        case 'Home':
          return ordered[0];
        case 'End':
          return ordered.at(-1);
        case 'ArrowDown':
          return LANES.map((_, l) => l)
            .filter((l) => l > lane)
            .map(nearestIn)
            .find(Boolean);
        case 'ArrowUp':
          return LANES.map((_, l) => l)
            .filter((l) => l < lane)
            .reverse()
            .map(nearestIn)
            .find(Boolean);
      }
      return undefined;
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(p.item);
    } else if (['ArrowRight', 'ArrowLeft', 'Home', 'End', 'ArrowDown', 'ArrowUp'].includes(e.key)) {
      e.preventDefault();
      focusMark(target());
    } else if (e.key === 'Escape') setShown(null);
  };

  // Drag across the plot to zoom.
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const plotX = (e: PointerEvent) => e.clientX - (wrap.current?.getBoundingClientRect().left ?? 0);
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ from: plotX(e), to: plotX(e) });
  };
  const onPointerMove = (e: PointerEvent) => drag && setDrag({ ...drag, to: plotX(e) });
  const onPointerUp = () => {
    if (drag && Math.abs(drag.to - drag.from) > 6) {
      const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
      onZoom(x.invert(Math.max(a, MARGIN.left)), x.invert(Math.min(b, width - MARGIN.right)));
    }
    setDrag(null);
  };

  const ticks = x.ticks(Math.max(2, Math.floor((width - MARGIN.left) / 110)));
  const tickFormat = x.tickFormat();
  const now = new Date();
  const plotRight = width - MARGIN.right;
  const plotBottom = MARGIN.top + LANES.length * LANE_HEIGHT;

  return (
    <div className="timeline-axis" ref={wrap}>
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot hold a <fieldset>; the marks form a group. */}
      <svg
        width={width}
        height={height}
        role="group"
        aria-label={`Time axis from ${formatDateTime(domain[0].toISOString())} to ${formatDateTime(domain[1].toISOString())}: ${items.length} items. Use the arrow keys to move between them, Enter to show one in the list.`}
      >
        {LANES.map((lane, i) => (
          <g key={lane.key} className={`lane lane-${lane.key}`}>
            <rect
              className="lane-band"
              x={MARGIN.left}
              y={MARGIN.top + i * LANE_HEIGHT}
              width={Math.max(0, plotRight - MARGIN.left)}
              height={LANE_HEIGHT}
            />
            <text
              className="lane-label"
              x={MARGIN.left - 12}
              y={MARGIN.top + i * LANE_HEIGHT + LANE_HEIGHT / 2}
            >
              {lane.label}
            </text>
          </g>
        ))}
        <rect
          className="zoom-surface"
          x={MARGIN.left}
          y={MARGIN.top}
          width={Math.max(0, plotRight - MARGIN.left)}
          height={plotBottom - MARGIN.top}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
        />
        <g className="axis">
          {ticks.map((t) => (
            <g key={t.getTime()} transform={`translate(${x(t)},0)`}>
              <line className="tick-line" y1={MARGIN.top} y2={plotBottom} />
              <text className="tick-label" y={plotBottom + 18}>
                {tickFormat(t)}
              </text>
            </g>
          ))}
        </g>
        {now >= domain[0] && now <= domain[1] && (
          <g className="now" transform={`translate(${x(now)},0)`}>
            <line y1={MARGIN.top - 4} y2={plotBottom} />
            <text y={MARGIN.top - 7}>Today</text>
          </g>
        )}
        {drag && (
          <rect
            className="zoom-selection"
            x={Math.min(drag.from, drag.to)}
            y={MARGIN.top}
            width={Math.abs(drag.to - drag.from)}
            height={plotBottom - MARGIN.top}
          />
        )}
        {placed.map((p) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>; it acts as one.
          <g
            key={p.item.id}
            ref={(el) => {
              if (el) marks.current.set(p.item.id, el);
              else marks.current.delete(p.item.id);
            }}
            className={`mark mark-${p.item.kind} event-${p.item.event}${p.item.id === selectedId ? ' selected' : ''}`}
            transform={`translate(${p.x},${p.y})`}
            role="button"
            tabIndex={p.item.id === activeId ? 0 : -1}
            aria-label={`${KIND_LABELS[p.item.kind]}, ${formatDateTime(p.item.at)}: ${p.item.title}. ${p.item.detail}`}
            onFocus={() => {
              setActive(p.item.id);
              setShown(p);
            }}
            onBlur={() => setShown((s) => (s?.item.id === p.item.id ? null : s))}
            onMouseEnter={() => setShown(p)}
            onMouseLeave={() => setShown((s) => (s?.item.id === p.item.id ? null : s))}
            onClick={() => onSelect(p.item)}
            onKeyDown={(e) => onKeyDown(e, p)}
          >
            <Shape item={p.item} />
          </g>
        ))}
      </svg>
      {shown && <Tooltip placed={shown} width={width} />}
    </div>
  );
}

/** Each kind its own shape, so the lanes can be told apart without colour. */
function Shape({ item }: { item: TimelineItem }) {
  const colour = item.parties.length === 1 ? item.parties[0]!.colour : undefined;
  const style = colour ? { fill: colour } : undefined;
  switch (item.kind) {
    case 'meeting':
      return (
        <circle
          r={6.5}
          style={item.event === 'cancelled' || item.event === 'postponed' ? undefined : style}
        />
      );
    case 'version':
      return <rect x={-5.5} y={-5.5} width={11} height={11} transform="rotate(45)" />;
    case 'release':
      return <path d="M0,-7 L6.5,5 L-6.5,5 Z" style={style} />;
    case 'amendment':
      return <rect x={-5.5} y={-5.5} width={11} height={11} rx={2} style={style} />;
    case 'position':
      return <circle r={5} style={style} />;
  }
}

function Tooltip({ placed, width }: { placed: Placed; width: number }) {
  // Beside the mark, on whichever side has room, so that it hides neither the mark nor its lane label.
  const right = placed.x + 14 + 280 <= width;
  const left = right ? placed.x + 14 : Math.max(8, placed.x - 14 - 280);
  const style = { left: `${left}px`, top: `${Math.max(0, placed.y - 24)}px` };
  return (
    <div className="timeline-tooltip" style={style} role="tooltip">
      <p className="tooltip-kind">
        {KIND_LABELS[placed.item.kind]} · {formatDateTime(placed.item.at)}
      </p>
      <p className="tooltip-title">{placed.item.title}</p>
      {placed.item.detail !== '' && <p className="tooltip-detail">{placed.item.detail}</p>}
    </div>
  );
}

/** Positions the marks: each in its lane, stacked in up to three rows where they would overlap. */
function place(items: readonly TimelineItem[], xOf: (d: Date) => number): Placed[] {
  const out: Placed[] = [];
  const lastX = LANES.map(() => Array<number>(ROWS).fill(Number.NEGATIVE_INFINITY));
  const sorted = [...items].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const item of sorted) {
    const lane = laneOf(item.kind);
    const x = xOf(new Date(item.at));
    const rows = lastX[lane]!;
    // The middle row first, then above and below; when all are taken, the one free the longest.
    const row =
      ROW_ORDER.find((r) => x - rows[r]! >= MIN_GAP) ??
      ROW_ORDER.reduce((best, r) => (rows[r]! < rows[best]! ? r : best));
    rows[row] = x;
    const offset = (row - (ROWS - 1) / 2) * ROW_GAP;
    out.push({ item, x, y: MARGIN.top + lane * LANE_HEIGHT + LANE_HEIGHT / 2 + offset });
  }
  return out;
}
