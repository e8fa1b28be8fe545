/**
 * Turns an uploaded file into a sheet, refusing what it is not (SECURITY-BAR 20–21): the name
 * or content type says CSV or XLSX and the bytes must agree; an XLSX file is checked from its
 * zip central directory (entries, sizes, ratio, `[Content_Types].xml`) before exceljs inflates
 * anything; CSV must be UTF-8 (BOM dropped) or UTF-16 with a BOM.
 */
import type { CellValue } from 'exceljs';
import { readCsv, TextEncodingError } from '../../domain/tabular/csv.ts';
import type { Sheet } from '../../domain/tabular/sheet.ts';
import { checkXlsxContainer } from '../../domain/tabular/zip-directory.ts';
import { AppError } from '../errors.ts';

export type FileFormat = 'csv' | 'xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded file. */
export interface Upload {
  fileName: string;
  contentType?: string | undefined;
  bytes: Uint8Array;
}

function refused(message: string): AppError {
  return new AppError('invalid_input', message, [{ field: 'file', message }]);
}

/** The format the file claims by its name, else by its content type. */
export function claimedFormat(upload: Upload): FileFormat | null {
  const name = upload.fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  const type = (upload.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'text/csv' || type === 'application/csv') return 'csv';
  return null;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return value.text;
  if ('error' in value) return '';
  return '';
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const check = checkXlsxContainer(bytes);
  if (!check.ok) throw refused(`Refused: ${check.reason}`);
  // Loaded when first needed: exceljs takes a quarter of a second to load, at every start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; JSZip below it takes one as well.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw refused('The workbook could not be read: it is damaged or not an XLSX file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refused('The workbook has no sheet');
  const width = sheet.columnCount;
  const header: string[] = [];
  const rows: Sheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (line === 1) header.push(...cells);
    else rows.push({ line, cells });
  });
  return { header, rows };
}

/** Reads the upload into a sheet, or refuses it with a message saying why. */
export async function readUpload(upload: Upload): Promise<{ format: FileFormat; sheet: Sheet }> {
  const claimed = claimedFormat(upload);
  if (!claimed) throw refused('Send a .csv or .xlsx file');
  if (upload.bytes.byteLength === 0) throw refused('The file is empty');
  if (claimed === 'xlsx') {
    if (!isZip(upload.bytes)) {
      throw refused(`${upload.fileName} is not an XLSX workbook (it is not a zip archive)`);
    }
    return { format: 'xlsx', sheet: await readXlsx(upload.bytes) };
  }
  if (isZip(upload.bytes)) {
    throw refused(`${upload.fileName} is a zip archive (an XLSX workbook?), not CSV text`);
  }
  try {
    return { format: 'csv', sheet: readCsv(upload.bytes) };
  } catch (error) {
    if (error instanceof TextEncodingError) throw refused(`${upload.fileName}: ${error.message}`);
    throw error;
  }
}
