import { foldForSearch } from '../catalog/name-index';
import { err, ok, type Result } from '../result';
import type { KioskOrderingRules } from '../settings/kiosk-ordering';

// Home delivery at the kiosk: the French postal code and the town checked
// against each other, and the delivery fee from the store's rules.
//
// With a postal directory (the kiosk loads La Poste's list through the
// `codes-postaux` package, src/data/postal-directory.ts), a code must exist
// and the town must be one of its towns, typed as people type them
// (« st etienne », « PARIS », « Paris 11e »). Without one (the list could not
// be loaded), only the form is checked: five digits whose first two or three
// name a department (01-95 but 20, 2A/2B for Corsica's 20xxx, 971-978 and
// 984-988 overseas); the town is then taken as typed.

/** One town a postal code serves, as La Poste lists it. */
export interface PostalTown {
  /** Official name ("Saint-Étienne", "Paris 11e Arrondissement"). */
  readonly name: string;
  /** The name on mail ("SAINT ETIENNE", "PARIS"). */
  readonly mailName: string;
  /** "42", "2A", "974". */
  readonly department: string;
}

export interface PostalDirectory {
  /** The towns a postal code serves; none for a code that does not exist. */
  townsOf(postcode: string): readonly PostalTown[];
}

export type DeliveryAddressIssue =
  | { readonly code: 'postcode-malformed' }
  | { readonly code: 'postcode-unknown' }
  /** The town is not one the code serves: `towns` are the ones it does, to choose from. */
  | { readonly code: 'town-mismatch'; readonly towns: readonly string[] }
  | { readonly code: 'town-missing' }
  /** The store does not deliver there (overseas by default). */
  | { readonly code: 'not-delivered'; readonly department: string };

export const DELIVERY_ADDRESS_ISSUE_CODES = [
  'postcode-malformed',
  'postcode-unknown',
  'town-mismatch',
  'town-missing',
  'not-delivered',
] as const satisfies readonly DeliveryAddressIssue['code'][];

export interface CheckedPlace {
  readonly postcode: string;
  /** The town as La Poste names it when the directory was there (« Paris », not its arrondissement), else as typed (tidied). */
  readonly city: string;
  readonly department: string;
  /** Whether the town was checked against La Poste's list (false: form only). */
  readonly checked: boolean;
}

/** The department a well-formed postal code belongs to, by the form alone; undefined when none. */
export function departmentOfPostcode(postcode: string): string | undefined {
  if (!/^\d{5}$/.test(postcode)) return undefined;
  const two = postcode.slice(0, 2);
  const three = postcode.slice(0, 3);
  if (two === '20') return Number(postcode) < 20200 ? '2A' : '2B';
  if (two === '97') return /^97[1-8]$/.test(three) ? three : undefined;
  if (two === '98') return /^98[4-8]$/.test(three) ? three : undefined;
  return two !== '00' && two !== '96' ? two : undefined;
}

/** Folded town name, with the usual short forms spelt out ("st" -> "saint"). */
function townKey(name: string): string {
  return foldForSearch(name)
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ')
    .replace(/ (\d+)(e|er|eme)?( arrondissement)?$/, '');
}

/** An address names the town, not its arrondissement: « 75011 Paris », as La Poste routes it. */
const addressTown = (name: string) => name.replace(/ \d+(er|e) Arrondissement$/, '');

/** Checks a delivery address's postal code and town; every problem at once. */
export function checkFrenchDelivery(
  address: { readonly postcode: string; readonly city: string },
  rules: Pick<KioskOrderingRules, 'homeDelivery'>,
  directory?: PostalDirectory,
): Result<CheckedPlace, DeliveryAddressIssue[]> {
  const postcode = address.postcode.replace(/\s/g, '');
  const city = address.city.trim().replace(/\s+/g, ' ');
  const issues: DeliveryAddressIssue[] = [];
  if (city === '') issues.push({ code: 'town-missing' });
  if (!/^\d{5}$/.test(postcode)) return err([{ code: 'postcode-malformed' }, ...issues]);

  let department = departmentOfPostcode(postcode);
  let official: string | undefined;
  if (directory) {
    const towns = directory.townsOf(postcode);
    if (towns.length === 0) return err([{ code: 'postcode-unknown' }, ...issues]);
    department = towns[0]?.department ?? department;
    if (city !== '') {
      const typed = townKey(city);
      const match = towns.find((town) => townKey(town.name) === typed || townKey(town.mailName) === typed);
      if (match) {
        official = addressTown(match.name);
        department = match.department;
      } else
        issues.push({
          code: 'town-mismatch',
          towns: [...new Set(towns.map((town) => addressTown(town.name)))],
        });
    }
  } else if (department === undefined) return err([{ code: 'postcode-unknown' }, ...issues]);

  if (department !== undefined && rules.homeDelivery.excludedDepartments.includes(department))
    issues.push({ code: 'not-delivered', department });
  if (issues.length > 0 || department === undefined) return err(issues);
  return ok({ postcode, city: official ?? city, department, checked: directory !== undefined });
}

export interface DeliveryFee {
  /** What the customer pays for delivery, VAT included, in minor units. */
  readonly feeMinor: number;
  /** Free because the goods reach the store's threshold. */
  readonly free: boolean;
  /** How much more in goods would make it free; absent when it is free or never is. */
  readonly untilFreeMinor?: number;
}

/**
 * The delivery fee for goods worth `goodsMinor` (VAT included) sent to
 * `department`: the store's fee plus its surcharge for the department,
 * nothing once the goods reach `freeFromMinor`.
 */
export function deliveryFee(
  goodsMinor: number,
  department: string,
  rules: Pick<KioskOrderingRules, 'homeDelivery'>,
): DeliveryFee {
  const { feeMinor, freeFromMinor, surcharges } = rules.homeDelivery;
  if (freeFromMinor !== undefined && goodsMinor >= freeFromMinor) return { feeMinor: 0, free: true };
  const surcharge = surcharges
    .filter((rule) => rule.departments.includes(department))
    .reduce((sum, rule) => sum + rule.feeMinor, 0);
  return {
    feeMinor: feeMinor + surcharge,
    free: false,
    ...(freeFromMinor === undefined ? {} : { untilFreeMinor: freeFromMinor - goodsMinor }),
  };
}
