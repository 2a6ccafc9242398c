import {
  type ProductAvailability,
  productAvailability,
  type StockFigure,
} from '../../core/catalog/availability';
import { money } from '../../core/money';
import type { CurrencyCode } from '../../core/money/currency';
import type { PostalDirectory } from '../../core/orders/french-delivery';
import { checkFrenchDelivery, deliveryFee, departmentOfPostcode } from '../../core/orders/french-delivery';
import type { OrderLine } from '../../core/orders/order-line';
import { normalizeAddress, type PostalAddressInput } from '../../core/orders/postal-address';
import { err } from '../../core/result';
import { type KioskOrderingRules, kioskOrderingRules } from '../../core/settings/kiosk-ordering';
import type { StoreSettings } from '../../core/settings/store-settings';
import type { AddressCheck, AddressIssue, DeliveryQuote } from '../../state/kiosk-port-types';

// Home delivery at the kiosk: the address checked against La Poste's list
// (postal code and town together, the town written as La Poste writes it),
// the fee from the store's rules (free from a threshold, surcharges by
// department, departments not delivered), and the date the order reaches
// the customer (or can collect it): the latest of the lines' earliest dates,
// from the stock the kiosk holds (src/core/catalog/availability.ts).

/** The fields a postal check replaces: their form problems are told once, by the postal check. */
const PLACE_PATHS = new Set(['address.postcode', 'address.city']);

export function checkDeliveryAddress(
  address: PostalAddressInput,
  rules: Pick<KioskOrderingRules, 'homeDelivery'>,
  directory: PostalDirectory | undefined,
): AddressCheck {
  const place = checkFrenchDelivery(
    { postcode: address.postcode ?? '', city: address.city ?? '' },
    rules,
    directory,
  );
  const typed = normalizeAddress({
    ...address,
    ...(place.ok ? { postcode: place.value.postcode, city: place.value.city } : {}),
    country: 'FR',
  });
  if (place.ok && typed.ok) return typed;
  const issues: AddressIssue[] = [
    ...(place.ok ? [] : place.error),
    ...(typed.ok
      ? []
      : typed.error.filter(
          (issue) =>
            place.ok ||
            !(
              issue.code === 'invalid-postcode' ||
              (issue.code === 'invalid-field' && PLACE_PATHS.has(issue.path))
            ),
        )),
  ];
  return err(issues);
}

type StockOf = ReadonlyMap<string, readonly StockFigure[]>;

interface DateContext {
  readonly now: string;
  readonly settings: Pick<StoreSettings, 'storeCode' | 'kioskOrdering'>;
  /** The store's usual delay, for a line with no stock figure on the kiosk. */
  readonly fallbackDate: string;
}

/** The latest over the lines of each line's earliest date as `pick` reads it: the day the whole order can be had. */
function wholeOrderDate(
  lines: readonly OrderLine[],
  stock: StockOf,
  context: DateContext,
  pick: (seen: ProductAvailability) => string | undefined,
): string {
  const rules = kioskOrderingRules(context.settings.kioskOrdering);
  let latest: string | undefined;
  for (const line of lines) {
    const figures = stock.get(line.productId);
    const seen = figures
      ? productAvailability(figures, {
          now: context.now,
          storeCode: context.settings.storeCode,
          rules,
          wanted: line.quantity,
        })
      : undefined;
    const date = (seen && pick(seen)) ?? context.fallbackDate;
    if (latest === undefined || date > latest) latest = date;
  }
  return latest ?? context.fallbackDate;
}

/** The fee for the goods of `lines` sent to `postcode`, and the date they reach the customer. */
export function quoteDelivery(
  postcode: string,
  lines: readonly OrderLine[],
  stock: StockOf,
  context: DateContext,
): DeliveryQuote {
  const rules = kioskOrderingRules(context.settings.kioskOrdering);
  const currency = (lines[0]?.unitPrice.currency ?? 'EUR') as CurrencyCode;
  const goods = lines.reduce((sum, line) => sum + line.unitPrice.minor * line.quantity, 0);
  const fee = deliveryFee(goods, departmentOfPostcode(postcode) ?? '', rules);
  return {
    fee: money(fee.feeMinor, currency),
    deliveryBy: wholeOrderDate(lines, stock, context, (seen) => seen.earliestDelivery?.date),
    ...(fee.untilFreeMinor === undefined ? {} : { untilFree: money(fee.untilFreeMinor, currency) }),
  };
}

/** The day the whole order can be collected in `storeCode`. */
export function pickupDateAt(
  storeCode: string,
  lines: readonly OrderLine[],
  stock: StockOf,
  context: DateContext,
): string {
  return wholeOrderDate(lines, stock, context, (seen) => {
    const dates = seen.places.flatMap((place) =>
      place.options.flatMap((option) =>
        option.type === 'store-pickup' && option.storeCode === storeCode ? [option.date] : [],
      ),
    );
    return dates.sort()[0];
  });
}
