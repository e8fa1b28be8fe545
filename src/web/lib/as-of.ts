/**
 * The "as of" date travels in the URL (`?asOf=2025-06-30`), so a past view can be shared and
 * every link followed from it keeps showing the data as recorded on that date.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'wouter';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a plain ISO date (yyyy-mm-dd). */
export function isIsoDate(text: string | null | undefined): text is string {
  return typeof text === 'string' && ISO_DATE.test(text);
}

/** The `asOf` date of the current URL (null for "now") and a setter that rewrites the URL. */
export function useAsOf(): [string | null, (next: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('asOf');
  const asOf = isIsoDate(raw) ? raw : null;
  const setAsOf = useCallback(
    (next: string | null) => {
      setParams(
        (previous) => {
          const copy = new URLSearchParams(previous);
          if (next && isIsoDate(next)) copy.set('asOf', next);
          else copy.delete('asOf');
          return copy;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [asOf, setAsOf];
}

/** Adds `asOf` to an in-app path unless the path already names one. */
export function withAsOf(path: string, asOf: string | null): string {
  if (!asOf || path.includes('asOf=')) return path;
  const hashAt = path.indexOf('#');
  const base = hashAt >= 0 ? path.slice(0, hashAt) : path;
  const hash = hashAt >= 0 ? path.slice(hashAt) : '';
  return `${base}${base.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}${hash}`;
}
