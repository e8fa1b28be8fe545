/** Small inline SVG icons, always decorative (aria-hidden): text carries the meaning. */
import type { ReactNode } from 'react';
import type { Status } from '../../domain/types.ts';

interface IconProps {
  size?: number;
}

function Svg({ size = 14, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** The icon of a status: check, warning triangle, cross, dash. */
export function StatusIcon({ status, size }: IconProps & { status: Status }) {
  switch (status) {
    case 'on_track':
      return (
        <Svg size={size}>
          <circle cx="8" cy="8" r="6.5" />
          <path d="M5 8.2l2 2 4-4.2" />
        </Svg>
      );
    case 'at_risk':
      return (
        <Svg size={size}>
          <path d="M8 1.8L15 14H1z" />
          <path d="M8 6.2v3.4M8 11.8v.1" />
        </Svg>
      );
    case 'off_track':
      return (
        <Svg size={size}>
          <circle cx="8" cy="8" r="6.5" />
          <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" />
        </Svg>
      );
    case 'no_data':
      return (
        <Svg size={size}>
          <circle cx="8" cy="8" r="6.5" strokeDasharray="2.5 2" />
          <path d="M5.5 8h5" />
        </Svg>
      );
  }
}

/** A clock: stale figures. */
export function ClockIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 4.5V8l2.5 1.5" />
    </Svg>
  );
}

/** A magnifier: search. */
export function SearchIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5L14 14" />
    </Svg>
  );
}

/** A chevron pointing right (collapsed) or down (expanded). */
export function ChevronIcon({ open, size }: IconProps & { open: boolean }) {
  return <Svg size={size}>{open ? <path d="M4 6l4 4 4-4" /> : <path d="M6 4l4 4-4 4" />}</Svg>;
}

/** A flag: demo / illustrative data. */
export function FlagIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M3 15V2M3 2.5h9l-2 3 2 3H3" />
    </Svg>
  );
}
