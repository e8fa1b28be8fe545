/**
 * A horizontally scrolling, keyboard-focusable region labelled by its table's caption, so
 * wide matrices scroll inside themselves at phone width instead of scrolling the page.
 */
import type { ReactNode } from 'react';

/** Wraps a wide table; `labelId` is the id of the table's caption. */
export function ScrollRegion({ labelId, children }: { labelId: string; children: ReactNode }) {
  return (
    <div className="st-scroll" role="region" aria-labelledby={labelId} tabIndex={0}>
      {children}
    </div>
  );
}
