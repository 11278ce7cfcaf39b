import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { TestApp } from '../support/app';

export type Row = Record<string, string>;

export interface CodebookColumn {
  name: string;
  label: string;
  type: 'integer' | 'number' | 'text' | 'category' | 'datetime' | 'boolean';
  values: { value: string | number; label: string | null }[];
  min: number | null;
  max: number | null;
}

export interface CodebookJson {
  files: { file: string; fileName: string; columns: CodebookColumn[] }[];
  notes: string[];
  filter: { protocolVersions: number[] | null; includeIncomplete: boolean; externalIds: boolean };
}

/** Strict RFC 4180: no relaxed quotes, every row as wide as the header, no BOM tolerance. */
export function parseCsv(text: string): { header: string[]; rows: Row[] } {
  const records = parse(text, { relax_quotes: false, relax_column_count: false, skip_empty_lines: false }) as string[][];
  const [header, ...body] = records;
  if (!header) throw new Error('no header row');
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))) };
}

/** What load.R / load.py do to a text cell: drop the one guard apostrophe. */
export function unescape(cell: string): string {
  return cell.replace(/^'(?=[=+@'\t\r\n-])/, '');
}

const TYPE_CHECKS: Record<CodebookColumn['type'], (cell: string) => boolean> = {
  integer: (cell) => /^-?\d+$/.test(cell),
  number: (cell) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell),
  boolean: (cell) => cell === '0' || cell === '1',
  datetime: (cell) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(cell),
  category: (cell) => !/^[=+\-@\t\r\n]/.test(cell),
  text: (cell) => !/^[=+\-@\t\r\n]/.test(cell),
};

/** Every non-empty cell parses as its codebook type, lies in its range and (categories) among its values. */
export function typeProblems(columns: readonly CodebookColumn[], rows: readonly Row[]): string[] {
  const problems: string[] = [];
  for (const column of columns) {
    for (const row of rows) {
      const cell = row[column.name];
      if (cell === undefined) {
        problems.push(`${column.name}: no such column`);
        break;
      }
      if (cell === '') continue;
      if (!TYPE_CHECKS[column.type](cell)) problems.push(`${column.name}: ${JSON.stringify(cell)} is not ${column.type}`);
      if (column.min !== null && Number(cell) < column.min) problems.push(`${column.name}: ${cell} < ${column.min}`);
      if (column.max !== null && Number(cell) > column.max) problems.push(`${column.name}: ${cell} > ${column.max}`);
      if (column.type === 'category' && column.values.length > 0 && !column.values.some((v) => String(v.value) === unescape(cell)))
        problems.push(`${column.name}: ${cell} not a level`);
    }
  }
  return problems;
}

export function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

export function bearer(app: TestApp, token: string) {
  return (path: string): request.Test => request(app.http).get(path).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);
}
