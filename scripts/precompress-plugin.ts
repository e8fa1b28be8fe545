/**
 * A Vite plugin that writes a Brotli (.br) and a gzip (.gz) copy of every text asset of the
 * build, so the server sends them as they are (`@fastify/static` with `preCompressed`) instead
 * of compressing on each request or sending them uncompressed.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Smaller files gain nothing worth a second request header. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Compresses the text files of `outDir` once the bundle is written. */
export function precompress(outDir: string): Plugin {
  return {
    name: 'strata-precompress',
    apply: 'build',
    async closeBundle() {
      const files = (await filesUnder(outDir)).filter((f) => TEXT.test(f));
      await Promise.all(
        files.map(async (file) => {
          const data = await readFile(file);
          if (data.length < MIN_BYTES) return;
          const [br, gzipped] = await Promise.all([
            brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            gz(data, { level: 9 }),
          ]);
          await writeFile(`${file}.br`, br);
          await writeFile(`${file}.gz`, gzipped);
        }),
      );
    },
  };
}
