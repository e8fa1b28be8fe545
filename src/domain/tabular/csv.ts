/**
 * CSV as French spreadsheets write it: UTF-8 with or without a BOM, or UTF-16 with its BOM;
 * `;`, `,` or tab separated (detected from the header line); RFC 4180 quoting.
 */
import type { Sheet } from './sheet.ts';

/** Why bytes are not readable text. */
export class TextEncodingError extends Error {}

/**
 * Decodes a text file: a UTF-8 BOM is dropped, UTF-16 with a BOM is decoded, anything else
 * must be valid UTF-8 (a Windows-1252 export is refused with the way out).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictUtf8(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new TextEncodingError(
      'the file looks like UTF-16 without a byte-order mark; save it as "CSV UTF-8"',
    );
  }
  return strictUtf8(bytes);
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new TextEncodingError(
      'the file is not UTF-8 text (probably Windows-1252); save it as "CSV UTF-8"',
    );
  }
}

/** The separator of a CSV text: the one of `;`, `,`, tab found most often outside quotes on the first line. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ';';
  for (const [sep, n] of counts) if (n > (counts.get(best) ?? 0)) best = sep;
  return best;
}

/** Splits CSV text into records of fields (RFC 4180), with the line each record starts on. */
export function parseCsvRecords(
  text: string,
  separator = detectSeparator(text),
): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** Reads CSV bytes into a sheet: the first record is the header. */
export function readCsv(bytes: Uint8Array): Sheet {
  const records = parseCsvRecords(decodeText(bytes));
  const [head, ...rest] = records;
  return {
    header: (head?.fields ?? []).map((h) => h.trim()),
    rows: rest.map((r) => ({ line: r.line, cells: r.fields.map((f) => f.trim()) })),
  };
}
