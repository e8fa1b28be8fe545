/**
 * Spreadsheet formula injection (SECURITY-BAR 16): a text cell starting with `=`, `+`, `-`, `@`,
 * a tab, a carriage return or NUL would be run as a formula by a spreadsheet; it is exported
 * with a leading apostrophe so it stays text. Numbers are not text and are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** The text as a spreadsheet must receive it. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
