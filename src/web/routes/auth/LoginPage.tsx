/**
 * `/login`: sign in with e-mail and password, or with the institutional account when the server
 * has an OpenID Connect provider, then back to `?next=` (or the dashboard).
 */
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { useLogin, useMe } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { errorMessage } from '../../components/QueryState.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { safeNextPath } from '../../lib/next-path.ts';

/** The sign-in page. */
export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const me = useMe();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNextPath(params.get('next'));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => {
          navigate(next);
        },
      },
    );
  };

  return (
    <div style={{ maxWidth: 460 }}>
      <PageTitle title={t.auth.loginTitle} />
      <Text mb="md">{t.auth.loginIntro}</Text>
      {me.data?.setupPending ? (
        <Alert color="yellow" variant="light" mb="md">
          <Text size="sm" c="#5c4300">
            {t.auth.setupPending}
          </Text>
        </Alert>
      ) : null}
      <form onSubmit={submit}>
        <Stack gap="sm">
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
          <PasswordInput
            name="password"
            label={t.auth.password}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
            }}
          />
          {login.isError ? (
            <Alert role="alert" color="red" variant="light">
              <Text size="sm">{errorMessage(login.error, t)}</Text>
            </Alert>
          ) : null}
          <div>
            <Button type="submit" loading={login.isPending}>
              {t.auth.submit}
            </Button>
          </div>
        </Stack>
      </form>
      {me.data?.providers.oidc ? (
        <Button
          component="a"
          href={`/api/v1/auth/oidc/start?next=${encodeURIComponent(next)}`}
          variant="default"
          mt="lg"
        >
          {t.auth.ssoButton(me.data.providers.oidcLabel)}
        </Button>
      ) : null}
    </div>
  );
}
