/**
 * The pages of the one-time links the server prints or an administrator sends:
 * `/setup#token=` (first administrator), `/invitation#token=`, `/reset-password#token=`.
 * The token stays in the URL fragment, so it never reaches a server log.
 */
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation } from 'wouter';
import { useLinkAction } from '../../api/auth.ts';
import type { LinkKind } from '../../api/auth.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { tokenFromHash } from '../../lib/next-path.ts';

/** One page per kind of link. */
export function LinkPage({ kind }: { kind: LinkKind }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useLinkAction();
  const title =
    kind === 'setup'
      ? t.auth.setupTitle
      : kind === 'invitation'
        ? t.auth.invitationTitle
        : t.auth.resetTitle;
  const intro =
    kind === 'setup'
      ? t.auth.setupIntro
      : kind === 'invitation'
        ? t.auth.invitationIntro
        : t.auth.resetIntro;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const onSuccess = () => {
      if (kind === 'reset') setDone(true);
      else navigate('/');
    };
    if (kind === 'setup') {
      action.mutate({ kind, body: { token, email: email.trim(), password } }, { onSuccess });
    } else if (kind === 'invitation') {
      const name = displayName.trim();
      action.mutate(
        { kind, body: { token, password, ...(name ? { displayName: name } : {}) } },
        { onSuccess },
      );
    } else {
      action.mutate({ kind, body: { token, password } }, { onSuccess });
    }
  };

  return (
    <div style={{ maxWidth: 480 }}>
      <PageTitle title={title} />
      <Text mb="md">{intro}</Text>
      {!token ? (
        <Alert role="alert" color="red" variant="light">
          <Text size="sm">{t.auth.missingToken}</Text>
        </Alert>
      ) : done ? (
        <Alert color="green" variant="light" role="status">
          <Text size="sm" c="#17602c">
            {t.auth.resetDone} <AppLink to="/login">{t.auth.signIn}</AppLink>
          </Text>
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            {kind === 'setup' ? (
              <TextInput
                name="email"
                type="email"
                label={t.auth.email}
                autoComplete="username"
                required
                value={email}
                onChange={(event) => {
                  setEmail(event.currentTarget.value);
                }}
              />
            ) : null}
            {kind === 'invitation' ? (
              <TextInput
                name="displayName"
                label={t.auth.displayName}
                autoComplete="name"
                value={displayName}
                onChange={(event) => {
                  setDisplayName(event.currentTarget.value);
                }}
              />
            ) : null}
            <PasswordInput
              name="password"
              label={t.auth.newPassword}
              description={t.auth.passwordHint}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
              }}
              error={action.error?.fieldMessage('password') ?? undefined}
              visibilityToggleButtonProps={{ 'aria-label': t.account.showPassword }}
            />
            {action.isError ? (
              <Alert role="alert" color="red" variant="light">
                <Text size="sm">{errorMessage(action.error, t)}</Text>
              </Alert>
            ) : null}
            <div>
              <Button type="submit" loading={action.isPending}>
                {kind === 'setup' ? t.auth.create : t.auth.save}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </div>
  );
}

/** `/setup#token=…` */
export function SetupPage() {
  return <LinkPage kind="setup" />;
}

/** `/invitation#token=…` */
export function InvitationPage() {
  return <LinkPage kind="invitation" />;
}

/** `/reset-password#token=…` */
export function ResetPasswordPage() {
  return <LinkPage kind="reset" />;
}
