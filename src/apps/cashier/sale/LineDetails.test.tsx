import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { overrideLinePrice, priceCart, setLineDiscount } from '../../../core/cart';
import { aCart, aProduct, eur, unwrap, YOGURTS_3_FOR_2 } from '../../../core/cart/test-builders';
import { LineDetails } from './LineDetails';

// Under a basket line: the promotion it gets (name and amount), its discount
// with the reason, and a price changed at the till.

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('what a basket line shows under it', () => {
  it('the promotion it gets, by name and amount', () => {
    const cart = aCart().withPromotions(YOGURTS_3_FOR_2).with(aProduct(), 3).build();
    const [line] = priceCart(cart).lines;
    if (!line) throw new Error('no line');
    expect(plain(renderToStaticMarkup(<LineDetails priced={line} />))).toBe('3 pour 2 yaourts −1,20 €');
  });

  it('its discount with the reason, and the price it replaced', () => {
    let cart = aCart()
      .with(aProduct({ priceMinor: 250 }), 2)
      .build();
    const lineId = cart.lines[0]?.lineId ?? '';
    cart = unwrap(
      overrideLinePrice(cart, lineId, {
        unitPrice: eur(200),
        reasonCode: 'damaged',
        byStaffId: 'c',
        approval: null,
      }),
    );
    cart = unwrap(
      setLineDiscount(cart, lineId, {
        value: { type: 'percentage', bps: 1000 },
        reasonCode: 'other',
        note: 'fin de série',
        grantedByStaffId: 'c',
      }),
    );
    const [line] = priceCart(cart).lines;
    if (!line) throw new Error('no line');
    expect(plain(renderToStaticMarkup(<LineDetails priced={line} />))).toBe(
      'Remise 10 % (fin de série) −0,40 € Prix modifié, au lieu de 2,50 € (Article abîmé)',
    );
  });

  it('nothing for a line at its own price', () => {
    const [line] = priceCart(aCart().with(aProduct()).build()).lines;
    if (!line) throw new Error('no line');
    expect(renderToStaticMarkup(<LineDetails priced={line} />)).toBe('');
  });
});
