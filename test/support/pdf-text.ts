/**
 * Reads the text of a PDF written by react-pdf with its standard fonts: inflates every
 * FlateDecode stream and decodes the strings of the text-showing operators (hex or literal,
 * WinAnsi ≈ Latin-1). Enough for tests to find words and codes; not a general PDF parser.
 */
import { inflateSync } from 'node:zlib';

/** The number of pages of a PDF (its /Type /Page objects). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

/** Every shown string of every content stream, joined by spaces. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const stream = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = stream.exec(raw)) !== null) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString('latin1');
    } catch {
      content = bytes.toString('latin1');
    }
    for (const op of content.matchAll(
      /\[((?:[^\]\\]|\\.)*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:[^)\\]|\\.)*\))\s*Tj/g,
    )) {
      const body = op[1] ?? op[2] ?? '';
      let text = '';
      for (const piece of body.matchAll(/<([0-9a-fA-F]*)>|\(((?:[^)\\]|\\.)*)\)/g)) {
        if (piece[1] !== undefined) text += Buffer.from(piece[1], 'hex').toString('latin1');
        else text += (piece[2] ?? '').replace(/\\(.)/g, '$1');
      }
      out.push(text);
    }
    stream.lastIndex = end + 'endstream'.length;
  }
  return out.join(' ');
}
