/**
 * A contributor's assignments: the plan elements, indicators and actions they may change, each
 * picked in a searchable multi-select. Saving replaces every assignment of the account.
 */
import { Alert, Button, MultiSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { knownAssignments, useSetAssignments } from '../../api/admin.ts';
import { ErrorState, Loading, errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { useAssignmentChoices } from './assignment-choices.ts';
import type { Option, OptionGroup } from './assignment-choices.ts';

function Picker({
  name,
  label,
  data,
  value,
  onChange,
}: {
  name: string;
  label: string;
  data: Option[] | OptionGroup[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <MultiSelect
      name={name}
      label={label}
      description={t.users.searchHint}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      maxDropdownHeight={280}
      nothingFoundMessage={t.users.nothingFound}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function AssignmentsEditor({ userId }: { userId: string }) {
  const { t } = useI18n();
  const choices = useAssignmentChoices();
  const save = useSetAssignments(userId);
  const [initial] = useState(() => knownAssignments(userId));
  const [elementIds, setElementIds] = useState<string[]>(initial?.elementIds ?? []);
  const [indicatorIds, setIndicatorIds] = useState<string[]>(initial?.indicatorIds ?? []);
  const [actionIds, setActionIds] = useState<string[]>(initial?.actionIds ?? []);
  const [saved, setSaved] = useState(false);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { elementIds, indicatorIds, actionIds },
      {
        onSuccess: () => {
          setSaved(true);
        },
      },
    );
  };

  if (choices.pending) return <Loading label={t.users.loadingChoices} />;
  if (choices.error) return <ErrorState error={choices.error} />;
  return (
    <form onSubmit={submit} noValidate data-testid="assignments">
      <Stack gap="sm" maw={760}>
        <Text size="sm">{t.users.assignmentsIntro}</Text>
        {initial ? null : (
          <Text size="sm" c="#5c4300">
            {t.users.assignmentsUnknown}
          </Text>
        )}
        <Picker
          name="elementIds"
          label={t.users.elements}
          data={choices.elements}
          value={elementIds}
          onChange={setElementIds}
        />
        <Picker
          name="indicatorIds"
          label={t.users.indicators}
          data={choices.indicators}
          value={indicatorIds}
          onChange={setIndicatorIds}
        />
        <Picker
          name="actionIds"
          label={t.users.actions}
          data={choices.actions}
          value={actionIds}
          onChange={setActionIds}
        />
        {save.isError ? (
          <Alert role="alert" color="red" variant="light">
            <Text size="sm">{errorMessage(save.error, t)}</Text>
          </Alert>
        ) : null}
        <div role="status" aria-live="polite">
          {saved ? (
            <Text size="sm" c="#17602c">
              {t.users.assignmentsSaved}
            </Text>
          ) : null}
        </div>
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.users.saveAssignments}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
