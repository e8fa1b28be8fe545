/**
 * Loads every area of the role matrix: each file of this folder other than this one and
 * area.ts exports `area` (a MatrixArea).
 */
import { readdirSync } from 'node:fs';
import type { MatrixArea } from './area.ts';

export async function loadMatrixAreas(): Promise<MatrixArea[]> {
  const folder = new URL('./', import.meta.url);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'area.ts')
    .sort();
  const areas: MatrixArea[] = [];
  for (const file of files) {
    const mod = (await import(new URL(file, folder).href)) as { area?: MatrixArea };
    if (!mod.area) throw new Error(`test/support/matrix/${file} exports no \`area\``);
    areas.push(mod.area);
  }
  return areas;
}
