/**
 * Mantine theme: a deep blue primary whose filled shade keeps white text above 4.5:1
 * (Mantine's default blue fails WCAG contrast), system fonts, visible focus rings.
 */
import { createTheme } from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';

const strata: MantineColorsTuple = [
  '#eaf1fb',
  '#d3e1f4',
  '#a6c2e8',
  '#76a1dc',
  '#4f85d1',
  '#3572c6',
  '#2763b3',
  '#1c4f8c',
  '#163f70',
  '#102f54',
];

export const theme = createTheme({
  primaryColor: 'strata',
  primaryShade: 7,
  colors: { strata },
  autoContrast: true,
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.3rem', lineHeight: '1.3' },
      h3: { fontSize: '1.1rem', lineHeight: '1.35' },
    },
  },
  other: {},
});
