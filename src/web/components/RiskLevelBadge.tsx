/** A risk's level (with its score) as a coloured chip whose text carries the meaning. */
import type { RiskLevel } from '../../domain/risk.ts';
import { useI18n } from '../i18n/context.tsx';

/** Colours of each level: text on background, contrast above 4.5:1. */
export const LEVEL_COLOURS: Record<RiskLevel, { fg: string; bg: string }> = {
  low: { fg: '#17602c', bg: '#e6f6ea' },
  medium: { fg: '#5c4400', bg: '#fff3bf' },
  high: { fg: '#8a3800', bg: '#ffe3c7' },
  critical: { fg: '#ffffff', bg: '#b02525' },
};

/** The level chip; `score` is shown after the level when given. */
export function RiskLevelBadge({ level, score }: { level: RiskLevel; score?: number }) {
  const { t } = useI18n();
  const colours = LEVEL_COLOURS[level];
  return (
    <span
      className="st-status"
      data-level={level}
      style={{ color: colours.fg, background: colours.bg, borderColor: colours.fg }}
    >
      {t.risks.levels[level]}
      {score !== undefined ? ` · ${String(score)}` : ''}
    </span>
  );
}
