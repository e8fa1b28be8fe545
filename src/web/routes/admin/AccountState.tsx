/** An account's state as a chip: active, or disabled (text and colour, never colour alone). */
import { useI18n } from '../../i18n/context.tsx';

export function AccountState({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <span
      className={`st-status ${disabled ? 'st-off_track' : 'st-on_track'}`}
      data-state={disabled ? 'disabled' : 'active'}
    >
      {disabled ? t.users.disabled : t.users.active}
    </span>
  );
}
