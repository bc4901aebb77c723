// The arithmetic of the virtualised list (row positions, not money): which rows are in view and
// whether more pages must be fetched to fill it.

export interface ListWindow {
  first: number;
  last: number;
}

/** Rows `first..last` (exclusive) to render for a viewport, with `overscan` rows either side. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 8): ListWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last: Math.max(first, last) };
}

/** True when the rows in view reach past what is loaded and another page exists. */
export function needsMore(window: ListWindow, loaded: number, hasNext: boolean): boolean {
  return hasNext && window.last > loaded;
}
