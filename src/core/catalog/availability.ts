import type { KioskOrderingRules } from '../settings/kiosk-ordering';
import type { StockLevel } from './stock-level';

// What the kiosk's product page says about one product, place by place:
// this store's shelf, the other stores nearby, the warehouse. For each: the
// quantity, how old that figure is ("stock as of 14:02"), whether it is too
// old to trust ("to be confirmed", after `stockStaleMinutes`), and what the
// customer can get from there and when: pickup in a store on a date, or home
// delivery on a date. Pure: the kiosk passes its clock and the store's rules.
//
// Dates are the store's local dates. The kiosk's clock comes with its UTC
// offset ("2026-12-07T14:05:00+01:00", as every till timestamp): local
// times of the stock figures are read with that same offset (a figure from
// the other side of a daylight-saving change shows one hour off; the age in
// minutes is exact).

/** A stock figure as the kiosk holds it (src/data/stock-by-location.ts). */
export interface StockFigure {
  readonly kind: StockLevel['location']['kind'];
  /** Store or warehouse code ("LYO01", "WH01"). */
  readonly code: string;
  /** Pieces, or grams for products sold by weight. */
  readonly quantity: number;
  /** When the server last changed it (ISO instant). */
  readonly updatedAt: string;
}

/** A way the customer can get the product from one place. */
export type FulfilmentOption =
  | { readonly type: 'store-pickup'; readonly storeCode: string; readonly date: string }
  | { readonly type: 'home-delivery'; readonly date: string };

export interface PlaceAvailability {
  readonly kind: StockFigure['kind'];
  readonly code: string;
  /** Stocked there (never below 0: a negative figure means none). */
  readonly quantity: number;
  /** At least the quantity wanted is there (by the figure; the server decides when the order is placed). */
  readonly covers: boolean;
  /** The figure's instant, and its local date and time for "stock as of 14:02". */
  readonly asOf: string;
  readonly asOfLocal: { readonly date: string; readonly time: string };
  readonly ageMinutes: number;
  /** Older than `stockStaleMinutes`: show "to be confirmed" instead of a firm figure. */
  readonly toConfirm: boolean;
  /** What this place allows, earliest first; empty when it does not cover the quantity wanted. */
  readonly options: readonly FulfilmentOption[];
}

export interface ProductAvailability {
  /** This store first, then the other stores, then the warehouses (each by code). */
  readonly places: readonly PlaceAvailability[];
  /** Some place covers the quantity wanted; an item out of stock everywhere cannot be ordered. */
  readonly orderable: boolean;
  /** The earliest pickup (any store) and the earliest home delivery, over every place that covers it. */
  readonly earliestPickup?: FulfilmentOption & { readonly type: 'store-pickup'; readonly from: string };
  readonly earliestDelivery?: FulfilmentOption & { readonly type: 'home-delivery'; readonly from: string };
}

export interface AvailabilityContext {
  /** The kiosk's clock, ISO with its UTC offset. */
  readonly now: string;
  /** The kiosk's store. */
  readonly storeCode: string;
  readonly rules: KioskOrderingRules;
  /** Pieces (or grams) the customer wants; 1 by default. */
  readonly wanted?: number;
}

const KIND_ORDER = { 'this-store': 0, 'other-store': 1, warehouse: 2 } as const;
const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The UTC offset of an ISO timestamp, in minutes ("+01:00" -> 60, "Z" -> 0). */
function offsetMinutes(timestamp: string): number {
  const zone = OFFSET.exec(timestamp)?.[1];
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

const pad = (n: number) => String(n).padStart(2, '0');
/** "YYYY-MM-DD" of a day number (days since 1970-01-01). */
const dateOf = (day: number) => {
  const d = new Date(day * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** Local day number and minutes since local midnight of an instant, at a UTC offset. */
function localClock(instantMs: number, offset: number): { day: number; minutes: number } {
  const local = instantMs + offset * MINUTE;
  const day = Math.floor(local / DAY);
  return { day, minutes: Math.floor((local - day * DAY) / MINUTE) };
}

/** The store's calendar: open days for pickup, working days for carriers. */
class Calendar {
  private readonly holidays: ReadonlySet<string>;
  constructor(private readonly rules: KioskOrderingRules) {
    this.holidays = new Set(rules.holidays);
  }
  private weekday = (day: number) => new Date(day * DAY).getUTCDay();
  isOpen = (day: number) =>
    !this.rules.closedWeekdays.includes(this.weekday(day)) && !this.holidays.has(dateOf(day));
  isWorking = (day: number) => {
    const weekday = this.weekday(day);
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(dateOf(day));
  };
  /** The first day from `day` on (itself included) that passes `test`, within a year. */
  firstFrom(day: number, test: (day: number) => boolean): number {
    for (let d = day; d < day + 366; d++) if (test(d)) return d;
    return day;
  }
  /** `count` working days after `day`. */
  addWorkingDays(day: number, count: number): number {
    let d = day;
    for (let added = 0; added < count; ) {
      d++;
      if (this.isWorking(d)) added++;
    }
    return count === 0 ? this.firstFrom(d, this.isWorking) : d;
  }
}

/**
 * Pickup, transfer and delivery dates of each place, and the age of each
 * figure. `figures` as stockByLocation gives them, any order.
 */
export function productAvailability(
  figures: readonly StockFigure[],
  { now, storeCode, rules, wanted = 1 }: AvailabilityContext,
): ProductAvailability {
  const nowMs = Date.parse(now);
  const offset = offsetMinutes(now);
  const today = localClock(nowMs, offset);
  const calendar = new Calendar(rules);
  const [hours, minutes] = rules.sameDayPickupUntil.split(':').map(Number) as [number, number];
  // Goods on a shelf: today until the cut-off, else the next open day.
  const shelfDay = calendar.firstFrom(
    today.minutes < hours * 60 + minutes ? today.day : today.day + 1,
    calendar.isOpen,
  );

  const optionsOf = (figure: StockFigure): FulfilmentOption[] => {
    if (figure.kind === 'this-store') return [{ type: 'store-pickup', storeCode, date: dateOf(shelfDay) }];
    if (figure.kind === 'other-store') {
      const transferred = calendar.firstFrom(today.day + rules.otherStoreTransferDays, calendar.isOpen);
      return [
        { type: 'store-pickup', storeCode: figure.code, date: dateOf(shelfDay) },
        { type: 'store-pickup', storeCode, date: dateOf(transferred) },
      ];
    }
    const delivered = calendar.addWorkingDays(today.day, rules.warehouseDeliveryWorkingDays);
    const inStore = calendar.firstFrom(
      calendar.addWorkingDays(today.day, rules.warehouseToStoreWorkingDays),
      calendar.isOpen,
    );
    return [
      { type: 'store-pickup', storeCode, date: dateOf(inStore) },
      { type: 'home-delivery', date: dateOf(delivered) },
    ];
  };

  const places = [...figures]
    .sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    )
    .map((figure): PlaceAvailability => {
      const updatedMs = Date.parse(figure.updatedAt);
      const ageMinutes = Math.max(0, Math.floor((nowMs - updatedMs) / MINUTE));
      const local = localClock(updatedMs, offset);
      const quantity = Math.max(0, figure.quantity);
      const covers = quantity >= wanted && wanted > 0;
      return {
        kind: figure.kind,
        code: figure.code,
        quantity,
        covers,
        asOf: figure.updatedAt,
        asOfLocal: {
          date: dateOf(local.day),
          time: `${pad(Math.floor(local.minutes / 60))}:${pad(local.minutes % 60)}`,
        },
        ageMinutes,
        toConfirm: ageMinutes > rules.stockStaleMinutes,
        options: covers
          ? optionsOf(figure).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
          : [],
      };
    });

  let earliestPickup: ProductAvailability['earliestPickup'];
  let earliestDelivery: ProductAvailability['earliestDelivery'];
  for (const place of places) {
    for (const option of place.options) {
      if (option.type === 'store-pickup' && (!earliestPickup || option.date < earliestPickup.date))
        earliestPickup = { ...option, from: place.code };
      if (option.type === 'home-delivery' && (!earliestDelivery || option.date < earliestDelivery.date))
        earliestDelivery = { ...option, from: place.code };
    }
  }
  return {
    places,
    orderable: places.some((place) => place.covers),
    ...(earliestPickup ? { earliestPickup } : {}),
    ...(earliestDelivery ? { earliestDelivery } : {}),
  };
}
