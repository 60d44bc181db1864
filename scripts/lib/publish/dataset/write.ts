// The dataset's tables as Parquet files, written with hyparquet-writer: pure JavaScript, no native
// build and one small dependency (DuckDB would read the day files and write Parquet too, but is a
// 60 MB native package for one command; parquet-wasm needs Arrow tables built first). Each column
// has the type src/lib/dataset.ts gives it: strings as UTF-8, dates as DATE, times as UTC
// milliseconds, lists as Parquet LISTs. Beside the files, manifest.json says rows and bytes.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { TABLES, type Column, type ColumnType, type DatasetManifest } from '../../../../src/lib/dataset.ts';
import type { Row, Tables } from './tables.ts';

export const MANIFEST = 'manifest.json';

export type Manifest = DatasetManifest;

const DAY_MS = 86_400_000;

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

/** The Parquet schema elements of one column (a list is three: the list, its repeated group, the element). */
function schemaOf(column: Column): SchemaElement[] {
  const repetition_type = column.optional ? 'OPTIONAL' : 'REQUIRED';
  const leaf = (type: ColumnType): Omit<SchemaElement, 'name'> => {
    if (type === 'string' || type === 'string[]') return { type: 'BYTE_ARRAY', converted_type: 'UTF8' };
    if (type === 'int') return { type: 'INT32' };
    if (type === 'bool') return { type: 'BOOLEAN' };
    if (type === 'date' || type === 'date[]') return { type: 'INT32', converted_type: 'DATE' };
    return { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
  };
  if (!column.type.endsWith('[]')) return [{ name: column.name, repetition_type, ...leaf(column.type) }];
  return [
    { name: column.name, repetition_type, num_children: 1, converted_type: 'LIST' },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', repetition_type: 'OPTIONAL', ...leaf(column.type) },
  ];
}

/** A value as the writer takes it: days since 1970 for dates, milliseconds for times. */
function encode(type: ColumnType, value: Row[string]): unknown {
  if (value === null) return undefined;
  if (type === 'date') return Date.parse(`${value as string}T00:00:00Z`) / DAY_MS;
  if (type === 'date[]') return (value as string[]).map((day) => Date.parse(`${day}T00:00:00Z`) / DAY_MS);
  if (type === 'timestamp') return BigInt(Date.parse(value as string));
  return value;
}

/** One table as the bytes of a Parquet file. */
export function tableParquet(name: keyof Tables, rows: readonly Row[]): Uint8Array {
  const table = TABLES.find((t) => t.name === name)!;
  const columnData = table.columns.map((column) => ({ name: column.name, data: rows.map((row) => encode(column.type, row[column.name] ?? null)) }));
  const schema: SchemaElement[] = [{ name: 'root', num_children: table.columns.length }, ...table.columns.flatMap(schemaOf)];
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData as never, schema, kvMetadata: [{ key: 'description', value: table.description }] }));
}

/** Write every table into `dir`, each file whole or not at all, and the manifest last. */
export async function writeDataset(dir: string, tables: Tables, updatedAt: string | undefined): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  const files: Manifest['files'] = [];
  for (const table of TABLES) {
    const rows = tables[table.name];
    const bytes = tableParquet(table.name, rows);
    const target = path.join(dir, table.file);
    await writeFile(`${target}.tmp`, bytes);
    await rename(`${target}.tmp`, target);
    files.push({ table: table.name, file: table.file, rows: rows.length, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const manifest: Manifest = { ...(updatedAt ? { updatedAt } : {}), files };
  await writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
