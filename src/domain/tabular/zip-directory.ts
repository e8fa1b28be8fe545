/**
 * Reads a zip archive's central directory without inflating anything (SECURITY-BAR 20–21): an
 * XLSX file must be a real zip holding `[Content_Types].xml`, and a zip bomb is refused from
 * the sizes its directory declares (entry count, total uncompressed size, compression ratio)
 * before any byte is inflated.
 */

/** Limits an archive must respect. */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Largest uncompressed ÷ compressed ratio, per entry and overall. */
  maxRatio: number;
}

/** Defaults: generous for a spreadsheet of a few hundred thousand cells, tiny for a bomb. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

/** One entry as the central directory describes it. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** The verdict on an archive: its entries, or why it is refused. */
export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Entries this small are not judged by ratio: a few bytes can compress very well. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Lists the archive's entries from its central directory and checks them against `limits`. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  if (bytes.byteLength < EOCD_SIZE) return { ok: false, reason: 'the file is not a zip archive' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x04034b50) {
    return { ok: false, reason: 'the file is not a zip archive' };
  }
  const end = findEndOfDirectory(view);
  if (end < 0) return { ok: false, reason: 'the zip archive has no central directory' };
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) {
    return { ok: false, reason: 'ZIP64 archives are not accepted' };
  }
  if (count > limits.maxEntries) {
    return {
      ok: false,
      reason: `the archive holds ${count} entries (at most ${limits.maxEntries})`,
    };
  }
  if (offset + size > end) return { ok: false, reason: 'the zip central directory is damaged' };
  const entries: ZipEntry[] = [];
  let at = offset;
  let total = 0;
  let compressedTotal = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return { ok: false, reason: 'the zip central directory is damaged' };
    }
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end)
      return { ok: false, reason: 'the zip central directory is damaged' };
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (
      uncompressedSize > RATIO_FLOOR_BYTES &&
      uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)
    ) {
      return {
        ok: false,
        reason: `entry ${name} expands ${Math.round(uncompressedSize / Math.max(compressedSize, 1))} times (at most ${limits.maxRatio})`,
      };
    }
    total += uncompressedSize;
    compressedTotal += compressedSize;
    if (total > limits.maxUncompressedBytes) {
      return {
        ok: false,
        reason: `the archive expands to more than ${limits.maxUncompressedBytes} bytes`,
      };
    }
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (total > RATIO_FLOOR_BYTES && total > limits.maxRatio * Math.max(compressedTotal, 1)) {
    return {
      ok: false,
      reason: `the archive expands ${Math.round(total / compressedTotal)} times`,
    };
  }
  return { ok: true, entries };
}

/** Checks that `bytes` is a real XLSX container: a sane zip holding `[Content_Types].xml`. */
export function checkXlsxContainer(bytes: Uint8Array, limits?: ZipLimits): ZipCheck {
  const check = inspectZip(bytes, limits);
  if (!check.ok) return check;
  if (!check.entries.some((e) => e.name === '[Content_Types].xml')) {
    return {
      ok: false,
      reason: 'the zip archive is not an XLSX workbook (no [Content_Types].xml)',
    };
  }
  return check;
}
