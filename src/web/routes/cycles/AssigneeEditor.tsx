/**
 * The strategy office's assignee editor of a cycle's check-ins: a dialog labelled by its title
 * with a searchable multi-select of the people of the cycle's units, elements and actions (and
 * whoever is already assigned). Saving replaces the check-in's assignees; Escape or "Cancel"
 * closes it and focus returns to the button that opened it.
 */
import { Alert, Button, Group, Modal, MultiSelect, Text } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useAssignablePeople, useSetAssignees, type CheckInCard } from '../../api/cycles.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';

/** The code and school naming a check-in in the editor's texts. */
export function checkInName(card: CheckInCard): [string, string] {
  return [card.target.code, card.unit.shortName || card.unit.code];
}

function AssigneeForm({
  cycleId,
  card,
  onCancel,
  onSaved,
}: {
  cycleId: string;
  card: CheckInCard;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const people = useAssignablePeople(cycleId, true);
  const save = useSetAssignees();
  const [value, setValue] = useState<string[]>(() => card.assignees.map((a) => a.id));
  const options = new Map(card.assignees.map((a) => [a.id, a.label]));
  for (const person of people.data?.items ?? []) options.set(person.id, person.label);
  const data = [...options].map(([id, label]) => ({ value: id, label }));
  const failure = people.error ?? save.error;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ id: card.id, userIds: value }, { onSuccess: onSaved });
  };
  return (
    <form onSubmit={submit} noValidate>
      <MultiSelect
        label={t.assigneeEditor.label}
        description={t.assigneeEditor.hint}
        data={data}
        value={value}
        onChange={setValue}
        searchable
        clearable
        hidePickedOptions
        maxDropdownHeight={260}
        nothingFoundMessage={t.assigneeEditor.nothingFound}
        disabled={people.isPending}
        data-autofocus
      />
      {failure ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">{errorMessage(failure, t)}</Text>
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm" mt="lg">
        <Button variant="default" onClick={onCancel}>
          {t.assigneeEditor.cancel}
        </Button>
        <Button type="submit" loading={save.isPending} disabled={people.isPending}>
          {t.assigneeEditor.save}
        </Button>
      </Group>
    </form>
  );
}

/** The dialog for `card` (closed when null). */
export function AssigneeDialog({
  cycleId,
  card,
  onClose,
  onSaved,
}: {
  cycleId: string;
  card: CheckInCard | null;
  onClose: () => void;
  onSaved: (card: CheckInCard) => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={card !== null}
      onClose={onClose}
      title={card ? t.assigneeEditor.title(...checkInName(card)) : ''}
      centered
      closeButtonProps={{ 'aria-label': t.assigneeEditor.cancel }}
      styles={{ title: { fontWeight: 700, fontSize: '1.1rem' } }}
    >
      {card ? (
        <AssigneeForm
          key={card.id}
          cycleId={cycleId}
          card={card}
          onCancel={onClose}
          onSaved={() => {
            onSaved(card);
          }}
        />
      ) : null}
    </Modal>
  );
}
