/** The choice of lines in the indicator chart, as a labelled group of radio buttons. */
import { SegmentedControl } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import { useI18n } from '../../i18n/context.tsx';
import type { ChartView } from './chart-data.ts';

const VIEWS: readonly ChartView[] = ['group', 'units', 'all'];

/** All / group / schools. */
export function ChartViewSwitch({
  view,
  onChange,
}: {
  view: ChartView;
  onChange: (view: ChartView) => void;
}) {
  const { t } = useI18n();
  const labelId = useId();
  const narrow = useMediaQuery('(max-width: 35.99em)', false, { getInitialValueInEffect: false });
  const labels: Record<ChartView, string> = {
    all: t.indicator.viewAll,
    group: t.indicator.viewGroup,
    units: t.indicator.viewUnits,
  };
  return (
    <div role="group" aria-labelledby={labelId} style={{ marginBottom: '0.75rem' }}>
      <span id={labelId} style={{ display: 'block', fontWeight: 600, fontSize: '0.875rem' }}>
        {t.indicator.chartView}
      </span>
      <SegmentedControl
        value={view}
        onChange={(value) => {
          const found = VIEWS.find((v) => v === value);
          if (found) onChange(found);
        }}
        data={VIEWS.map((v) => ({ value: v, label: labels[v] }))}
        mt={4}
        orientation={narrow ? 'vertical' : 'horizontal'}
        fullWidth={narrow}
        color="strata"
      />
    </div>
  );
}
