/**
 * My open sessions (which one is this browser), and "sign out everywhere", confirmed first:
 * it ends this session too, so the page then goes to the sign-in page.
 */
import { Badge, Button, Table, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { useEndAllSessions, useSessions } from '../../api/account.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryView, errorMessage } from '../../components/QueryState.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { describeUserAgent } from '../../lib/user-agent.ts';

/** The sessions table and the sign-out-everywhere button. */
export function SessionsSection() {
  const { t, lang } = useI18n();
  const [, navigate] = useLocation();
  const sessions = useSessions();
  const endAll = useEndAllSessions();
  const [confirming, setConfirming] = useState(false);
  const captionId = useId();
  const when = (iso: string) => formatDateTime(iso, lang);

  return (
    <>
      <Text size="sm" mb="sm" maw={760}>
        {t.account.sessionsIntro}
      </Text>
      <QueryView query={sessions}>
        {(data) => (
          <ScrollRegion labelId={captionId}>
            <Table captionSide="top" miw={640} data-testid="sessions">
              <Table.Caption id={captionId} style={{ textAlign: 'left' }}>
                {t.account.sessionsCaption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.account.device}</Table.Th>
                  <Table.Th scope="col">{t.account.started}</Table.Th>
                  <Table.Th scope="col">{t.account.lastSeen}</Table.Th>
                  <Table.Th scope="col">{t.account.expires}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((session) => (
                  <Table.Tr key={session.id} data-current={session.current || undefined}>
                    <Table.Th scope="row" fw={500}>
                      <span title={session.userAgent}>
                        {describeUserAgent(session.userAgent) ?? t.account.unknownDevice}
                      </span>{' '}
                      {session.current ? (
                        <Badge variant="light" color="strata" tt="none">
                          {t.account.thisSession}
                        </Badge>
                      ) : null}
                    </Table.Th>
                    <Table.Td>{when(session.createdAt)}</Table.Td>
                    <Table.Td>{when(session.lastSeenAt)}</Table.Td>
                    <Table.Td>{when(session.expiresAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </QueryView>
      <Button
        mt="md"
        variant="outline"
        color="red.9"
        onClick={() => {
          setConfirming(true);
        }}
      >
        {t.account.endAll}
      </Button>
      {endAll.isError ? (
        <Text role="alert" size="sm" mt="xs" c="#9b1c1c">
          {errorMessage(endAll.error, t)}
        </Text>
      ) : null}
      <ConfirmDialog
        opened={confirming}
        title={t.account.endAllTitle}
        body={t.account.endAllBody}
        confirmLabel={t.account.endAll}
        danger
        pending={endAll.isPending}
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          // Signed out, this page unmounts before a mutate callback would run: await instead.
          endAll.mutateAsync(undefined).then(
            () => {
              navigate('/login?next=%2Faccount');
            },
            () => {
              setConfirming(false);
            },
          );
        }}
      />
    </>
  );
}
