/**
 * An indicator card: name, latest value with provenance, status (and staleness), origin and
 * coverage of the group value, target, sparkline.
 */
import { Card, Group, Stack, Text } from '@mantine/core';
import type { IndicatorCard } from '../api/types.ts';
import { useI18n } from '../i18n/context.tsx';
import { AppLink } from './AppLink.tsx';
import { FigureValue, useFormatFigure } from './FigureValue.tsx';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';
import { Sparkline } from './Sparkline.tsx';
import { StaleBadge, StatusBadge } from './StatusBadge.tsx';

/** One indicator as a card; its name links to the indicator page. */
export function IndicatorCardView({
  card,
  headingLevel = 3,
}: {
  card: IndicatorCard;
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, tx } = useI18n();
  const format = useFormatFigure();
  const latest = card.status.latest;
  const Heading = `h${headingLevel}` as const;
  const first = card.sparkline[0];
  const last = card.sparkline[card.sparkline.length - 1];
  const sparkLabel =
    first && last
      ? t.dashboard.sparklineLabel(
          tx(card.name),
          `${format(first.value, card.unitLabel, card.decimals)} (${first.period})`,
          `${format(last.value, card.unitLabel, card.decimals)} (${last.period})`,
        )
      : t.status.no_data;
  return (
    <Card withBorder padding="md" radius="md" component="article" data-indicator={card.code}>
      <Stack gap={6}>
        <Heading style={{ margin: 0, fontSize: '1rem', lineHeight: 1.35 }}>
          <AppLink to={`/indicators/${card.id}`}>
            <span className="st-code">{card.code}</span> {tx(card.name)}
          </AppLink>
        </Heading>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <div>
            <Text size="xs" c="dimmed" component="p">
              {t.dashboard.lastValue}
              {latest ? ` (${latest.period})` : ''}
            </Text>
            <Text fw={700} fz="1.5rem" lh={1.2} component="p" data-testid="latest-value">
              <FigureValue
                value={latest?.value}
                unitLabel={card.unitLabel}
                decimals={card.decimals}
              />
            </Text>
          </div>
          <Sparkline points={card.sparkline} label={sparkLabel} />
        </Group>
        <Group gap={6}>
          <StatusBadge status={card.status.status} />
          {card.status.stale ? <StaleBadge /> : null}
          <ProvenanceBadge provenance={card.provenance} />
        </Group>
        <Text size="xs" c="dimmed" component="p">
          {card.origin ? t.origin[card.origin] : null}
          {card.coverage
            ? `${card.origin ? ' · ' : ''}${t.common.reporting(card.coverage.reporting, card.coverage.expected)}`
            : null}
        </Text>
        {card.target ? (
          <Text size="sm" component="p">
            {t.common.target} {card.target.period}
            {t.common.colon}{' '}
            <FigureValue
              value={card.target.value}
              unitLabel={card.unitLabel}
              decimals={card.decimals}
            />
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
