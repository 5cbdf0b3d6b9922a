"use client";

import { useState } from "react";

export interface RowSelection {
  /** The selected ids among `ids`, in their order. */
  selectedIds: number[];
  isSelected(id: number): boolean;
  /**
   * Ticks or unticks one row; with `range` (shift held) every row from the previous click's row
   * to this one takes the same state, as in a file manager.
   */
  toggle(id: number, selected: boolean, range: boolean): void;
  /** Every row on the page, or none. */
  toggleAll(selected: boolean): void;
  clear(): void;
}

/**
 * Which of the rows on screen (`ids`, in their order) are selected. The selection belongs to one
 * view: when `viewKey` (filters, sort, page) changes it is cleared, so an action never reaches
 * rows the user no longer sees.
 */
export function useRowSelection(ids: readonly number[], viewKey: string): RowSelection {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [view, setView] = useState(viewKey);
  if (view !== viewKey) {
    setView(viewKey);
    setSelected(new Set());
    setAnchor(null);
  }

  return {
    // Rows deleted or gone from the page since they were ticked do not count.
    selectedIds: ids.filter((id) => selected.has(id)),
    isSelected: (id) => selected.has(id),
    toggle(id, on, range) {
      const from = anchor === null ? -1 : ids.indexOf(anchor);
      const to = ids.indexOf(id);
      const rows =
        range && from >= 0 && to >= 0
          ? ids.slice(Math.min(from, to), Math.max(from, to) + 1)
          : [id];
      setSelected((current) => {
        const next = new Set(current);
        for (const row of rows) {
          if (on) next.add(row);
          else next.delete(row);
        }
        return next;
      });
      setAnchor(id);
    },
    toggleAll(on) {
      setSelected(new Set(on ? ids : []));
      setAnchor(null);
    },
    clear() {
      setSelected(new Set());
      setAnchor(null);
    },
  };
}
