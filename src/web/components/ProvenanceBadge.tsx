/** Where a figure comes from: official, estimated, or illustrative (demo data, flagged). */
import type { Provenance } from '../../domain/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { FlagIcon } from './Icons.tsx';

/** A provenance chip; illustrative figures carry a flag and an explanation. */
export function ProvenanceBadge({ provenance }: { provenance: Provenance | null }) {
  const { t } = useI18n();
  if (!provenance) return null;
  return (
    <span
      className={`st-prov st-prov-${provenance}`}
      data-provenance={provenance}
      title={provenance === 'illustrative' ? t.provenance.illustrativeHelp : undefined}
    >
      {provenance === 'illustrative' ? <FlagIcon size={12} /> : null}
      {t.provenance[provenance]}
    </span>
  );
}
