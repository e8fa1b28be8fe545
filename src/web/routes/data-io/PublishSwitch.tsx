/**
 * The strategy office's open-data switch on an element or indicator page: published items are
 * readable without login under /public and in the open datasets. A confidential indicator
 * cannot be published (the server refuses it too); the switch says why instead.
 */
import { Alert, Switch, Text } from '@mantine/core';
import { useMe } from '../../api/auth.ts';
import { usePublicationStatus, useSetPublished } from '../../api/data-io.ts';
import { useI18n } from '../../i18n/context.tsx';

export function PublishSwitch(props: {
  kind: 'element' | 'indicator';
  id: string;
  /** A confidential indicator: never published. */
  confidential?: boolean;
}) {
  const { t } = useI18n();
  const me = useMe().data;
  const office = me?.authenticated === true && me.can.editStructure;
  const status = usePublicationStatus(office);
  const change = useSetPublished(props.kind, props.id);
  if (!office) return null;
  const ids = props.kind === 'element' ? status.data?.elementIds : status.data?.indicatorIds;
  const published = ids?.includes(props.id) ?? false;
  if (props.confidential) {
    return (
      <Text size="sm" c="#495057" mb="sm">
        {t.dataio.publishConfidential}
      </Text>
    );
  }
  return (
    <>
      <Switch
        mb="sm"
        label={t.dataio.publishLabel}
        description={t.dataio.publishHelp}
        checked={published}
        disabled={status.isPending || change.isPending}
        onChange={(event) => {
          change.mutate(event.currentTarget.checked);
        }}
      />
      {change.error ? (
        <Alert color="red" mb="sm" role="alert">
          {change.error.message}
        </Alert>
      ) : null}
    </>
  );
}
