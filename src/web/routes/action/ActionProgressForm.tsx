/**
 * Updates an action's state and progress with `If-Match`: when someone changed the action
 * meanwhile (412), the page reloads the latest version and says so.
 */
import { Alert, Button, Group, NativeSelect, NumberInput, Text } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useMe } from '../../api/auth.ts';
import { useUpdateAction } from '../../api/mutations.ts';
import type { ActionDetail } from '../../api/types.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { ACTION_STATES } from '../../../domain/types.ts';
import type { ActionState } from '../../../domain/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { refusedWriteMessage } from '../../lib/permissions.ts';

/** The progress form of an action (always sends the latest ETag read). */
export function ActionProgressForm({ data }: { data: ActionDetail }) {
  const { t } = useI18n();
  const [state, setState] = useState<ActionState>(data.action.state);
  const [progress, setProgress] = useState<number>(data.action.progress);
  const [message, setMessage] = useState<string | null>(null);
  const mutation = useUpdateAction();
  const me = useMe();

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    mutation.mutate(
      { id: data.action.id, etag: data.etag, changes: { state, progress } },
      {
        onSuccess: () => {
          setMessage(t.action.saved);
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          name="state"
          label={t.action.state}
          value={state}
          onChange={(event) => {
            const found = ACTION_STATES.find((s) => s === event.currentTarget.value);
            if (found) setState(found);
          }}
          data={ACTION_STATES.map((s) => ({ value: s, label: t.actionState[s] }))}
        />
        <NumberInput
          name="progress"
          label={t.common.progress}
          min={0}
          max={100}
          clampBehavior="strict"
          allowDecimal={false}
          suffix=" %"
          value={progress}
          onChange={(value) => {
            setProgress(typeof value === 'number' ? value : Number(value) || 0);
          }}
          w={140}
        />
        <Button type="submit" loading={mutation.isPending}>
          {t.action.save}
        </Button>
      </Group>
      {mutation.isError ? (
        <Alert role="alert" color="red" variant="light" mt="sm">
          <Text size="sm">
            {refusedWriteMessage(mutation.error, me.data, t) ?? errorMessage(mutation.error, t)}
          </Text>
        </Alert>
      ) : null}
      <div role="status" aria-live="polite">
        {message ? (
          <Text size="sm" mt="sm" c="#17602c">
            {message}
          </Text>
        ) : null}
      </div>
    </form>
  );
}
