/** What the map's input drives: the controller, seen only through these few moves. */
export interface MapInputTarget {
  pan(dx: number, dy: number): void;
  zoomAround(factor: number, x: number, y: number, animate: boolean): void;
  /** Zoom about the centre (keys +/−), animated. */
  zoomBy(factor: number): void;
  fit(): void;
  /** Open what is under a point: a cluster zooms in, an event is selected. */
  activate(x: number, y: number, slack: number): void;
  isOverItem(x: number, y: number): boolean;
  setCrosshair(on: boolean): void;
  centre(): [number, number];
}

/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP = 4;

/**
 * Pointer, wheel and keyboard on the map canvas: drag pans, a click opens, the wheel zooms about
 * the pointer, double-click zooms in; arrows pan (Shift: further), + and − zoom, 0 fits, and Enter
 * opens what is under the cross in the middle, shown while the keyboard drives. Returns the
 * function that removes the listeners.
 */
export function attachMapInput(canvas: HTMLCanvasElement, t: MapInputTarget): () => void {
  let drag: { x: number; y: number; moved: number; id: number } | null = null;
  const removers: (() => void)[] = [];
  const on = <K extends keyof HTMLElementEventMap>(
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ) => {
    canvas.addEventListener(type, fn, options);
    removers.push(() => canvas.removeEventListener(type, fn, options));
  };
  const local = (e: MouseEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };

  on('pointerdown', (e) => {
    if (e.button !== 0) return;
    canvas.setPointerCapture(e.pointerId);
    drag = { x: e.clientX, y: e.clientY, moved: 0, id: e.pointerId };
  });
  on('pointermove', (e) => {
    const d = drag;
    if (d !== null && d.id === e.pointerId) {
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      d.x = e.clientX;
      d.y = e.clientY;
      d.moved += Math.abs(dx) + Math.abs(dy);
      if (d.moved > CLICK_SLOP) {
        canvas.style.cursor = 'grabbing';
        t.pan(dx, dy);
      }
      return;
    }
    const [x, y] = local(e);
    canvas.style.cursor = t.isOverItem(x, y) ? 'pointer' : 'grab';
  });
  const end = (e: PointerEvent, click: boolean) => {
    const d = drag;
    if (d === null || d.id !== e.pointerId) return;
    drag = null;
    canvas.style.cursor = 'grab';
    if (click && d.moved <= CLICK_SLOP) {
      const [x, y] = local(e);
      t.activate(x, y, 3);
    }
  };
  on('pointerup', (e) => end(e, true));
  on('pointercancel', (e) => end(e, false));
  on('dblclick', (e) => {
    const [x, y] = local(e);
    if (!t.isOverItem(x, y)) t.zoomAround(2, x, y, true);
  });
  on(
    'wheel',
    (e) => {
      e.preventDefault();
      const [x, y] = local(e);
      // Lines and pages (mouse wheels on some systems) are bigger steps than trackpad pixels.
      const step = e.deltaMode === 1 ? 0.05 : e.deltaMode === 2 ? 1 : 0.002;
      t.zoomAround(Math.exp(-e.deltaY * step), x, y, false);
    },
    { passive: false },
  );
  on('keydown', (e) => {
    const step = e.shiftKey ? 300 : 100;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const pan = pans[e.key];
    if (pan !== undefined) t.pan(pan[0], pan[1]);
    else if (e.key === '+' || e.key === '=') t.zoomBy(2);
    else if (e.key === '-' || e.key === '_') t.zoomBy(0.5);
    else if (e.key === '0') t.fit();
    else if (e.key === 'Enter' || e.key === ' ') {
      const [x, y] = t.centre();
      t.activate(x, y, 14);
    } else return;
    e.preventDefault();
    t.setCrosshair(true);
  });
  on('focus', () => t.setCrosshair(canvas.matches(':focus-visible')));
  on('blur', () => t.setCrosshair(false));
  return () => {
    for (const r of removers) r();
  };
}
