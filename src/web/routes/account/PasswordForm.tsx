/**
 * Changes the password: the current one and the new one, the rule stated up front, and the
 * server's verdict next to the field it concerns (focus moves to the first field in error).
 */
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useChangePassword } from '../../api/account.ts';
import { useMe } from '../../api/auth.ts';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { passwordErrors } from './password-errors.ts';
import type { PasswordErrors } from './password-errors.ts';

/** The password-change form. */
export function PasswordForm() {
  const { t } = useI18n();
  const me = useMe();
  const change = useChangePassword();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const focus = (found: PasswordErrors) => {
    const name = found.current ? 'current' : found.next ? 'next' : null;
    if (name) form.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus();
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const found: PasswordErrors = {
      ...(current === '' ? { current: t.form.required } : {}),
      ...(next === '' ? { next: t.form.required } : {}),
    };
    setErrors(found);
    if (found.current || found.next) {
      focus(found);
      return;
    }
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setDone(true);
        },
        onError: (error) => {
          const { fields, unplaced } = passwordErrors(error, t);
          setErrors(fields);
          if (!fields.current && !fields.next) setFailure(errorMessage(error, t));
          else if (unplaced.length > 0) setFailure(unplaced.join(' '));
          focus(fields);
        },
      },
    );
  };

  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Stack gap="sm" maw={480}>
        {/* Lets password managers tie the new password to the account. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={me.data?.user?.email ?? ''}
          readOnly
          hidden
        />
        <PasswordInput
          name="current"
          label={t.account.currentPassword}
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => {
            setCurrent(event.currentTarget.value);
            setErrors((was) => ({ ...was, current: undefined }));
          }}
          error={errors.current}
          aria-invalid={errors.current ? true : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t.account.showPassword }}
        />
        <PasswordInput
          name="next"
          label={t.account.newPassword}
          description={t.account.passwordRule}
          autoComplete="new-password"
          required
          value={next}
          onChange={(event) => {
            setNext(event.currentTarget.value);
            setErrors((was) => ({ ...was, next: undefined }));
          }}
          error={errors.next}
          aria-invalid={errors.next ? true : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t.account.showPassword }}
        />
        {failure ? (
          <Alert role="alert" color="red" variant="light">
            <Text size="sm">{failure}</Text>
          </Alert>
        ) : null}
        <div role="status" aria-live="polite">
          {done ? (
            <Text size="sm" c="#17602c">
              {t.account.passwordChanged}
            </Text>
          ) : null}
        </div>
        <div>
          <Button type="submit" loading={change.isPending}>
            {t.account.changePassword}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
