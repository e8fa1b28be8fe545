/** A small inline SVG line of an indicator's recent values, with a text alternative. */
interface Point {
  period: string;
  value: number;
}

/** Draws the values as a polyline; the label states the first and last values. */
export function Sparkline({
  points,
  label,
  width = 120,
  height = 36,
}: {
  points: readonly Point[];
  /** Accessible description, e.g. "Trend of X, from 10 (2023) to 14 (2025)". */
  label: string;
  width?: number;
  height?: number;
}) {
  if (points.length < 2) return null;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const pad = 3;
  const xy = points.map((p, i) => {
    const x = pad + (i * (width - 2 * pad)) / (points.length - 1);
    const y = pad + (1 - (p.value - min) / span) * (height - 2 * pad);
    return [x, y] as const;
  });
  const path = xy.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
  const last = xy[xy.length - 1];
  return (
    <svg
      className="st-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <polyline points={path} fill="none" stroke="#1c4f8c" strokeWidth={2} strokeLinejoin="round" />
      {last ? <circle cx={last[0]} cy={last[1]} r={3} fill="#1c4f8c" /> : null}
    </svg>
  );
}
