/**
 * Creates an API token (name, scope, validity in days). The secret comes back once: it is shown
 * with a copy button and a warning until the next creation or leaving the page.
 */
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useCreateToken } from '../../api/account.ts';
import type { TokenCreate, TokenCreated } from '../../api/types.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate } from '../../i18n/format.ts';

type Scope = TokenCreate['scope'];
const SCOPES: readonly Scope[] = ['read', 'write'];

interface Errors {
  name?: string;
  days?: string;
}

/** The creation form and, once created, the secret to copy. */
export function TokenCreateForm() {
  const { t, lang } = useI18n();
  const create = useCreateToken();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('read');
  const [days, setDays] = useState<number | string>(90);
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<TokenCreated | null>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const count = typeof days === 'number' ? days : Number(days);
    const found: Errors = {
      ...(name.trim() === '' ? { name: t.form.required } : {}),
      ...(!Number.isInteger(count) || count < 1 || count > 366 ? { days: t.account.badDays } : {}),
    };
    setErrors(found);
    if (found.name || found.days) {
      const first = found.name ? 'name' : 'days';
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setCreated(null);
    create.mutate(
      { name: name.trim(), scope, expiresInDays: count },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
        },
        onError: (error) => {
          setErrors({
            name: error.fieldMessage('name') ?? undefined,
            days: error.fieldMessage('expiresInDays') ? t.account.badDays : undefined,
          });
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <form ref={form} onSubmit={submit} noValidate aria-labelledby="token-create-title">
        <Text id="token-create-title" fw={700} mb="xs" component="h3" fz="1.1rem">
          {t.account.newToken}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            name="name"
            label={t.account.tokenName}
            description={t.account.tokenNameHint}
            required
            maxLength={100}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setErrors((was) => ({ ...was, name: undefined }));
            }}
            error={errors.name}
            w={{ base: '100%', sm: 280 }}
          />
          <NativeSelect
            name="scope"
            label={t.account.scope}
            value={scope}
            onChange={(event) => {
              const found = SCOPES.find((s) => s === event.currentTarget.value);
              if (found) setScope(found);
            }}
            data={SCOPES.map((s) => ({ value: s, label: t.account.scopes[s] }))}
            w={{ base: '100%', sm: 200 }}
          />
          <NumberInput
            name="days"
            label={t.account.validity}
            description={t.account.validityHint}
            required
            min={1}
            max={366}
            allowDecimal={false}
            value={days}
            onChange={(value) => {
              setDays(value);
              setErrors((was) => ({ ...was, days: undefined }));
            }}
            error={errors.days}
            w={{ base: '100%', sm: 160 }}
          />
        </Group>
        {create.isError && !errors.name && !errors.days ? (
          <Alert role="alert" color="red" variant="light" mt="sm">
            <Text size="sm">{errorMessage(create.error, t)}</Text>
          </Alert>
        ) : null}
        <Button type="submit" mt="sm" loading={create.isPending}>
          {t.account.createToken}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {created ? (
          <Alert
            color="yellow"
            variant="light"
            role="none"
            title={created.name}
            styles={{ title: { color: '#5c4300' } }}
            data-testid="token-created"
          >
            <Stack gap="xs">
              <Text size="sm" c="#5c4300" fw={600}>
                {t.account.tokenWarning}
              </Text>
              <CopyField
                label={t.account.tokenSecret}
                value={created.token}
                description={`${t.account.tokenUsage} ${t.users.expires(formatDate(created.expiresAt, lang))}`}
                testId="token-secret"
              />
            </Stack>
          </Alert>
        ) : null}
      </div>
    </Stack>
  );
}
