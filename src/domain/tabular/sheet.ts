/** A table read from a file: a header row and data rows, each cell located by row and column. */

/** One data row: its row number in the file (the header is row 1) and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** A table with its header. */
export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

/** One problem found in a file, located as a spreadsheet user sees it (row 3, column C). */
export interface CellProblem {
  /** Row number in the file (1 = header); 0 for a problem with the file as a whole. */
  row: number;
  /** Column letter (A, B, … AA), empty for a whole row or file. */
  column: string;
  /** The column's header, when the problem is about one column. */
  field: string;
  message: string;
}

/** Spreadsheet column letter of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Normalises a header for matching: lower case, no accents, single spaces, no punctuation. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
