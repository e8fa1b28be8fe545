/** Reads a plan bundle from disk: one YAML file, or every .yaml/.yml file of a folder by name. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PlanFileInput } from '../../domain/plan-file/index.ts';
import { invalid } from '../errors.ts';

/** The files of the bundle at `path`, named as the user gave them. */
export function readPlanBundle(path: string): PlanFileInput[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw invalid('file', `${path} does not exist`);
  }
  if (!stats.isDirectory()) return [{ fileName: path, text: readFileSync(path, 'utf8') }];
  const names = readdirSync(path)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort();
  if (names.length === 0) throw invalid('file', `${path} holds no .yaml file`);
  return names.map((name) => ({
    fileName: join(path, basename(name)),
    text: readFileSync(join(path, name), 'utf8'),
  }));
}
