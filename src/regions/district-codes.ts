import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** One kecamatan (district) from the official region list shipped by idn-area-data. */
export interface Kecamatan {
  /** Dotted official code, e.g. `35.10.01`. */
  code: string;
  name: string;
  /** Dotted regency (kabupaten/kota) code, e.g. `35.10`. */
  regencyCode: string;
}

interface DistrictRow {
  code: string;
  regency_code: string;
  name: string;
}

const DOTTED_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

let cache: ReadonlyMap<string, Kecamatan> | undefined;

/**
 * All kecamatan keyed by the 6-digit prefix they give a NIK (`351001` for `35.10.01`).
 * Read synchronously on first use and cached: the file is ~7,300 rows and never changes at runtime.
 */
export function kecamatanByNikPrefix(): ReadonlyMap<string, Kecamatan> {
  cache ??= loadDistricts();
  return cache;
}

/** Convenience predicate in the shape `parseNik` expects. */
export function isKecamatanNikPrefix(code6: string): boolean {
  return kecamatanByNikPrefix().has(code6);
}

function loadDistricts(): ReadonlyMap<string, Kecamatan> {
  const packageJson = createRequire(import.meta.url).resolve('idn-area-data/package.json');
  const csv = readFileSync(join(dirname(packageJson), 'data', 'districts.csv'), 'utf8');
  // csv-parse, not split(','): some names are quoted and contain commas or doubled quotes.
  const rows = parse<DistrictRow>(csv, { columns: true, skip_empty_lines: true, bom: true });

  const byPrefix = new Map<string, Kecamatan>();
  for (const row of rows) {
    // A malformed row means the data package changed shape; fail loudly at startup, not on a citizen's NIK.
    if (!DOTTED_CODE.test(row.code) || !row.code.startsWith(`${row.regency_code}.`)) {
      throw new Error(`idn-area-data districts.csv: unexpected row ${JSON.stringify(row)}`);
    }
    byPrefix.set(row.code.replaceAll('.', ''), {
      code: row.code,
      name: row.name,
      regencyCode: row.regency_code,
    });
  }
  return byPrefix;
}
