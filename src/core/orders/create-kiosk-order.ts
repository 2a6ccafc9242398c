import type { z } from 'zod';
import { uuidV7Schema } from '../ids/uuid-v7';
import { currencyCodeSchema, DEFAULT_CURRENCY } from '../money/currency';
import { err, ok, type Result } from '../result';
import { type ContactInput, normalizeContact } from './contact';
import {
  type KioskFulfilment,
  type KioskOrder,
  type KioskPaymentMethod,
  kioskOrderSchema,
  kioskPaymentMethodSchema,
} from './kiosk-order';
import { fieldIssues, type OrderIssue } from './order-issues';
import { type OrderLine, orderLineSchema, orderLinesIssues } from './order-line';
import { instantSchema, kioskIdSchema, storeCodeSchema } from './order-values';
import { normalizeAddress, type PostalAddressInput } from './postal-address';

// Builds a draft kiosk order from what the kiosk screen collected. The kiosk
// passes the id (UUIDv7) and the time: the core has no clock and no random
// source. Every problem comes back at once so the screen can mark them all.

export type KioskFulfilmentInput =
  | { readonly type: 'home-delivery'; readonly address?: PostalAddressInput }
  /** `storeCode` defaults to the kiosk's own store. */
  | { readonly type: 'store-pickup'; readonly storeCode?: string };

export interface KioskOrderInput {
  readonly id: string;
  readonly storeCode: string;
  readonly kioskId: string;
  readonly createdAt: string;
  readonly currency?: string;
  readonly lines: readonly OrderLine[];
  readonly contact: ContactInput;
  readonly fulfilment: KioskFulfilmentInput;
  readonly paymentMethod: KioskPaymentMethod;
  /** Home delivery's fee, VAT included, in minor units of `currency` (0: free); only for a home delivery. */
  readonly deliveryFeeMinor?: number;
  /** When the customer agreed to messages about the order. */
  readonly messagesConsentAt?: string;
  /** Calling code for phone numbers typed without one; the store's country (33 = France). */
  readonly callingCode?: string;
}

function checked<T>(schema: z.ZodType<T>, value: unknown, path: string, issues: OrderIssue[]): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  issues.push(...fieldIssues(parsed.error, path));
  return undefined;
}

function fulfilmentOf(
  input: KioskFulfilmentInput,
  storeCode: string,
  issues: OrderIssue[],
): KioskFulfilment | undefined {
  if (input.type === 'store-pickup') {
    const pickupStore = checked(
      storeCodeSchema,
      input.storeCode ?? storeCode,
      'fulfilment.storeCode',
      issues,
    );
    return pickupStore === undefined ? undefined : { type: 'store-pickup', storeCode: pickupStore };
  }
  if (input.address === undefined) {
    issues.push({ code: 'missing-address' });
    return undefined;
  }
  const address = normalizeAddress(input.address);
  if (address.ok) return { type: 'home-delivery', address: address.value };
  issues.push(...address.error);
  return undefined;
}

export function createKioskOrder(input: KioskOrderInput): Result<KioskOrder, readonly OrderIssue[]> {
  const issues: OrderIssue[] = [];
  const id = checked(uuidV7Schema, input.id, 'id', issues);
  const storeCode = checked(storeCodeSchema, input.storeCode, 'storeCode', issues);
  const kioskId = checked(kioskIdSchema, input.kioskId, 'kioskId', issues);
  const createdAt = checked(instantSchema, input.createdAt, 'createdAt', issues);
  const currency = checked(currencyCodeSchema, input.currency ?? DEFAULT_CURRENCY, 'currency', issues);
  const lines = input.lines.flatMap((line, i) => {
    const parsed = checked(orderLineSchema, line, `lines.${i}`, issues);
    return parsed === undefined ? [] : [parsed];
  });
  if (lines.length === input.lines.length)
    issues.push(...orderLinesIssues(lines, currency ?? DEFAULT_CURRENCY));
  const contact = normalizeContact(input.contact, input.callingCode);
  if (!contact.ok) issues.push(...contact.error);
  const fulfilment = fulfilmentOf(input.fulfilment, input.storeCode, issues);
  const paymentMethod = checked(kioskPaymentMethodSchema, input.paymentMethod, 'paymentMethod', issues);

  if (
    issues.length > 0 ||
    id === undefined ||
    storeCode === undefined ||
    kioskId === undefined ||
    createdAt === undefined ||
    currency === undefined ||
    !contact.ok ||
    fulfilment === undefined ||
    paymentMethod === undefined
  ) {
    return err(issues);
  }
  const order = {
    kind: 'kiosk',
    id,
    storeCode,
    kioskId,
    createdAt,
    updatedAt: createdAt,
    currency,
    lines,
    contact: contact.value,
    fulfilment,
    ...(input.deliveryFeeMinor === undefined
      ? {}
      : { deliveryFee: { minor: input.deliveryFeeMinor, currency } }),
    ...(input.messagesConsentAt === undefined ? {} : { messagesConsentAt: input.messagesConsentAt }),
    paymentMethod,
    payment: null,
    status: 'draft',
  } satisfies KioskOrder;
  // The parts were checked one by one; the whole-order rules get the last word.
  const whole = kioskOrderSchema.safeParse(order);
  return whole.success ? ok(whole.data) : err(fieldIssues(whole.error, ''));
}
