/// <reference path="./raw-imports.d.ts" />
import type { PostalDirectory, PostalTown } from '../core/orders/french-delivery';

// La Poste's list of French postal codes and the towns each serves (about
// 36,000 rows, 6,200 codes), as the `codes-postaux` package (Base Adresse
// Nationale) ships it, for the kiosk's delivery address check
// (src/core/orders/french-delivery.ts). Loaded on first use only, as its own
// chunk of the build (3.9 MB of JSON, about 0.5 MB compressed): the cashier
// and pickup screens never load it. The text is parsed with JSON.parse, which
// the Content-Security-Policy allows.

interface Row {
  readonly codePostal: string;
  readonly codeCommune: string;
  readonly nomCommune: string;
  readonly libelleAcheminement: string;
}

/** "75111" -> "75", "2A004" -> "2A", "97411" -> "974". */
const departmentOfCommune = (code: string) =>
  code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);

/** The directory from the package's rows (exported for tests). */
export function postalDirectoryOf(rows: readonly Row[]): PostalDirectory {
  const byCode = new Map<string, PostalTown[]>();
  for (const row of rows) {
    const towns = byCode.get(row.codePostal) ?? [];
    if (!towns.some((town) => town.name === row.nomCommune))
      towns.push({
        name: row.nomCommune,
        mailName: row.libelleAcheminement,
        department: departmentOfCommune(row.codeCommune),
      });
    byCode.set(row.codePostal, towns);
  }
  return { townsOf: (postcode) => byCode.get(postcode) ?? [] };
}

let loading: Promise<PostalDirectory> | undefined;

/**
 * The directory, loaded once. A kiosk whose build cannot load it (it
 * should not happen: the file is in the build) still checks addresses by
 * their form: call checkFrenchDelivery without a directory.
 */
export function loadPostalDirectory(): Promise<PostalDirectory> {
  loading ??= import('codes-postaux/codes-postaux.json?raw').then((module) =>
    postalDirectoryOf(JSON.parse(module.default) as Row[]),
  );
  return loading;
}
