/** The state of a consultation as a badge with text (never colour alone). */
import type { ConsultationState } from '../../../domain/consultation.ts';
import { useI18n } from '../../i18n/context.tsx';

const CLASS: Record<ConsultationState, string> = {
  draft: 'st-status st-no_data',
  scheduled: 'st-status st-at_risk',
  open: 'st-status st-on_track',
  closed: 'st-status st-off_track',
};

/** The badge. */
export function StateBadge({ state }: { state: ConsultationState }) {
  const { t } = useI18n();
  return <span className={CLASS[state]}>{t.consultations.states[state]}</span>;
}
