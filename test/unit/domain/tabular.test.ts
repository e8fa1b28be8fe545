/** The pure side of spreadsheet imports and exports: text decoding, CSV, French values, zip directories, typing, neutralising. */
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  parseCsvRecords,
  readCsv,
  TextEncodingError,
} from '../../../src/domain/tabular/csv.ts';
import { detectKind, typeSheet } from '../../../src/domain/tabular/kinds.ts';
import { neutraliseCell } from '../../../src/domain/tabular/neutralise.ts';
import { columnLetter } from '../../../src/domain/tabular/sheet.ts';
import {
  parseLocaleDate,
  parseLocaleNumber,
  parseYesNo,
} from '../../../src/domain/tabular/values.ts';
import { checkXlsxContainer, inspectZip } from '../../../src/domain/tabular/zip-directory.ts';
import { zipWithDirectory } from '../../support/files.ts';

describe('text decoding', () => {
  it('drops a UTF-8 BOM, decodes UTF-16 with a BOM, refuses the rest clearly', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]))).toBe('Aé');
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toBe('A');
    expect(() => decodeText(new Uint8Array([0x41, 0xe9, 0x42]))).toThrow(/CSV UTF-8/);
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x42, 0x00]))).toThrow(TextEncodingError);
  });
});

describe('CSV', () => {
  it.each([
    [
      'a;b\n1;2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a\tb\n1\t2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a;b\n"x;y";"say ""hi"""',
      [
        ['a', 'b'],
        ['x;y', 'say "hi"'],
      ],
    ],
    [
      'a;b\n"two\nlines";2\n\n',
      [
        ['a', 'b'],
        ['two\nlines', '2'],
      ],
    ],
  ])('splits %j', (text, expected) => {
    expect(parseCsvRecords(text).map((r) => r.fields)).toEqual(expected);
  });

  it('keeps the line each record starts on, counting quoted line breaks', () => {
    const sheet = readCsv(new TextEncoder().encode('h1;h2\n"a\nb";1\nc;2\n'));
    expect(sheet.rows.map((r) => r.line)).toEqual([2, 4]);
  });
});

describe('French values', () => {
  it.each([
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['12,5 %', 12.5],
    ['-3', -3],
    ['0.25', 0.25],
    ['douze', null],
    ['1,2,3', null],
    ['', null],
  ])('reads the number %j', (text, expected) => {
    expect(parseLocaleNumber(text)).toBe(expected);
  });

  it.each([
    ['31/12/2026', '2026-12-31'],
    ['1/2/2025', '2025-02-01'],
    ['2025-02-01', '2025-02-01'],
    ['31/02/2025', null],
    ['2025/02/01', null],
  ])('reads the date %j', (text, expected) => {
    expect(parseLocaleDate(text)).toBe(expected);
  });

  it('reads yes and no in both languages', () => {
    expect([parseYesNo('Oui'), parseYesNo('no'), parseYesNo(''), parseYesNo('peut-être')]).toEqual([
      true,
      false,
      false,
      null,
    ]);
  });
});

describe('zip central directory', () => {
  it('lists a sane archive and requires [Content_Types].xml for XLSX', () => {
    const ok = zipWithDirectory([
      { name: '[Content_Types].xml', compressedSize: 10, uncompressedSize: 40 },
    ]);
    expect(checkXlsxContainer(ok)).toMatchObject({ ok: true });
    const other = zipWithDirectory([{ name: 'a.txt', compressedSize: 10, uncompressedSize: 40 }]);
    expect(checkXlsxContainer(other)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('[Content_Types].xml') as unknown,
    });
  });

  it('refuses bombs by ratio, total size and entry count, and what is not a zip', () => {
    const ratio = zipWithDirectory([
      { name: 'x', compressedSize: 1000, uncompressedSize: 500_000_000 },
    ]);
    expect(inspectZip(ratio)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('expands') as unknown,
    });
    const total = zipWithDirectory(
      Array.from({ length: 30 }, (_, i) => ({
        name: `f${i}`,
        compressedSize: 1_000_000,
        uncompressedSize: 10_000_000,
      })),
    );
    expect(
      inspectZip(total, { maxEntries: 100, maxUncompressedBytes: 200_000_000, maxRatio: 200 }),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('more than') as unknown,
    });
    const many = zipWithDirectory(
      Array.from({ length: 11 }, (_, i) => ({
        name: `f${i}`,
        compressedSize: 1,
        uncompressedSize: 1,
      })),
    );
    expect(inspectZip(many, { maxEntries: 10, maxUncompressedBytes: 1e9, maxRatio: 200 }).ok).toBe(
      false,
    );
    expect(inspectZip(new TextEncoder().encode('Indicateur;Unité;Période;Valeur\n')).ok).toBe(
      false,
    );
  });
});

describe('typing a sheet', () => {
  it('tells the kind from French or English headers and types every cell, naming row and column', () => {
    const header = ['Indicator', 'Unit', 'Period', 'Value', 'Provenance'];
    expect(detectKind(header)).toBe('measurements');
    expect(detectKind(['Code', 'Titre (fr)', 'Titre (en)', 'Unité pilote'])).toBe('actions');
    expect(detectKind(['Nom', 'Prénom'])).toBeNull();
    const { records, problems } = typeSheet('measurements', {
      header,
      rows: [
        { line: 2, cells: ['A', 'U', '2024', '1 000,5', 'Official'] },
        { line: 3, cells: ['A', 'U', '2024-13', 'x', ''] },
        { line: 4, cells: ['', '', '', '', ''] },
      ],
    });
    expect(records).toHaveLength(1);
    expect(records[0]?.values).toMatchObject({
      value: 1000.5,
      provenance: 'official',
      period: '2024',
    });
    expect(problems.map((p) => `${String(p.row)}${p.column} ${p.field}`)).toEqual([
      '3C Period',
      '3D Value',
    ]);
  });

  it('reports missing required columns on the header row', () => {
    const { problems } = typeSheet('measurements', { header: ['Indicateur', 'Valeur'], rows: [] });
    expect(problems.map((p) => p.field)).toEqual(['Unité', 'Période']);
    expect(problems.every((p) => p.row === 1)).toBe(true);
  });
});

describe('cells', () => {
  it('neutralises formula-like text only', () => {
    expect(
      ['=1+1', '+33', '-x', '@SUM', '\tA', '\rA', '\0A', 'A=1', ''].map(neutraliseCell),
    ).toEqual(["'=1+1", "'+33", "'-x", "'@SUM", "'\tA", "'\rA", "'\0A", 'A=1', '']);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
