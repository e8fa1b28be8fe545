/** My API tokens: the list (scope, dates, last use, state), creation, revocation (confirmed). */
import { Button, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useRevokeToken, useTokens } from '../../api/account.ts';
import type { TokenInfo } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryView, errorMessage } from '../../components/QueryState.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { TokenCreateForm } from './TokenCreateForm.tsx';

function stateOf(token: TokenInfo, now: number): 'active' | 'revoked' | 'expired' {
  if (token.revoked) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

/** The tokens table, the creation form and the revoke confirmation. */
export function TokensSection() {
  const { t, lang } = useI18n();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [asked, setAsked] = useState<TokenInfo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  const captionId = useId();

  return (
    <>
      <Text size="sm" mb="sm" maw={760}>
        {t.account.tokensIntro}
      </Text>
      <QueryView query={tokens}>
        {(data) =>
          data.items.length === 0 ? (
            <Text mb="md">{t.account.noTokens}</Text>
          ) : (
            <ScrollRegion labelId={captionId}>
              <Table captionSide="top" miw={760} data-testid="tokens">
                <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
                  {t.account.tokensCaption}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.account.tokenName}</Table.Th>
                    <Table.Th scope="col">{t.account.scope}</Table.Th>
                    <Table.Th scope="col">{t.account.created}</Table.Th>
                    <Table.Th scope="col">{t.account.expires}</Table.Th>
                    <Table.Th scope="col">{t.account.lastUsed}</Table.Th>
                    <Table.Th scope="col">{t.account.state}</Table.Th>
                    <Table.Th scope="col">
                      <span className="st-visually-hidden">{t.account.revoke}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((token) => {
                    const state = stateOf(token, now);
                    return (
                      <Table.Tr key={token.id} data-token={token.name}>
                        <Table.Th scope="row" fw={500}>
                          {token.name}
                        </Table.Th>
                        <Table.Td>{t.account.scopes[token.scope]}</Table.Td>
                        <Table.Td>{formatDate(token.createdAt, lang)}</Table.Td>
                        <Table.Td>{formatDate(token.expiresAt, lang)}</Table.Td>
                        <Table.Td>
                          {token.lastUsedAt
                            ? formatDateTime(token.lastUsedAt, lang)
                            : t.account.never}
                        </Table.Td>
                        <Table.Td data-testid="token-state">{t.account[state]}</Table.Td>
                        <Table.Td>
                          {state === 'active' ? (
                            <Button
                              size="compact-sm"
                              variant="outline"
                              color="red.9"
                              aria-label={t.account.revokeNamed(token.name)}
                              onClick={() => {
                                setMessage(null);
                                setAsked(token);
                              }}
                            >
                              {t.account.revoke}
                            </Button>
                          ) : null}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )
        }
      </QueryView>
      <div role="status" aria-live="polite">
        {message ? (
          <Text size="sm" mt="xs" c="#17602c">
            {message}
          </Text>
        ) : null}
      </div>
      {revoke.isError ? (
        <Text role="alert" size="sm" mt="xs" c="#9b1c1c">
          {errorMessage(revoke.error, t)}
        </Text>
      ) : null}
      <div style={{ marginTop: '1.25rem' }}>
        <TokenCreateForm />
      </div>
      <ConfirmDialog
        opened={asked !== null}
        title={t.account.revokeTitle}
        body={t.account.revokeBody(asked?.name ?? '')}
        confirmLabel={t.account.revoke}
        danger
        pending={revoke.isPending}
        onCancel={() => {
          setAsked(null);
        }}
        onConfirm={() => {
          if (!asked) return;
          const name = asked.name;
          revoke.mutate(asked.id, {
            onSuccess: () => {
              setMessage(t.account.revokedDone(name));
            },
            onSettled: () => {
              setAsked(null);
            },
          });
        }}
      />
    </>
  );
}
