/** The role select (translated names, what the role may do below it) and the units picker. */
import { MultiSelect, NativeSelect } from '@mantine/core';
import { useWorkspace } from '../../api/queries.ts';
import { ROLES } from '../../../domain/access.ts';
import type { Role } from '../../../domain/access.ts';
import { useI18n } from '../../i18n/context.tsx';

export function RoleSelect({
  value,
  onChange,
  error,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <NativeSelect
      name="role"
      label={t.users.role}
      description={t.roleHelp[value]}
      value={value}
      onChange={(event) => {
        const found = ROLES.find((role) => role === event.currentTarget.value);
        if (found) onChange(found);
      }}
      data={ROLES.map((role) => ({ value: role, label: t.roles[role] }))}
      error={error}
    />
  );
}

export function UnitsSelect({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (unitIds: string[]) => void;
  error?: string | undefined;
}) {
  const { t, tx } = useI18n();
  const workspace = useWorkspace();
  const data = (workspace.data?.units ?? []).map((unit) => ({
    value: unit.id,
    label:
      unit.shortName === tx(unit.name) ? unit.shortName : `${unit.shortName} – ${tx(unit.name)}`,
  }));
  return (
    <MultiSelect
      name="unitIds"
      label={t.users.unitsLabel}
      description={t.users.unitsHint}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t.users.nothingFound}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
