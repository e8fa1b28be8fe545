/** The audience and access choices of a consultation, with the shared link's warning. */
import { NativeSelect } from '@mantine/core';
import { ACCESS_MODES, AUDIENCES } from '../../../domain/consultation.ts';
import type { AccessMode, Audience } from '../../../domain/consultation.ts';
import { useI18n } from '../../i18n/context.tsx';

/** The two selects. */
export function AudienceFields({
  audience,
  access,
  onAudience,
  onAccess,
}: {
  audience: Audience;
  access: AccessMode;
  onAudience: (a: Audience) => void;
  onAccess: (a: AccessMode) => void;
}) {
  const { t } = useI18n();
  const c = t.consultations;
  return (
    <>
      <NativeSelect
        label={c.audience}
        value={audience}
        onChange={(e) => {
          const found = AUDIENCES.find((a) => a === e.currentTarget.value);
          if (found) onAudience(found);
        }}
        data={AUDIENCES.map((a) => ({ value: a, label: c.audiences[a] }))}
      />
      <NativeSelect
        label={c.access}
        value={access}
        onChange={(e) => {
          const found = ACCESS_MODES.find((a) => a === e.currentTarget.value);
          if (found) onAccess(found);
        }}
        data={ACCESS_MODES.map((a) => ({ value: a, label: c.accessModes[a] }))}
      />
    </>
  );
}
