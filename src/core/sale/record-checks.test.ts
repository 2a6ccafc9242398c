import { describe, expect, it } from 'vitest';
import { foreignCurrencyIssues } from './record-checks';

describe('foreignCurrencyIssues', () => {
  it('names every amount in another currency by its path, in document order', () => {
    const record = {
      currency: 'EUR',
      total: { minor: 1200, currency: 'EUR' },
      lines: [
        { gross: { minor: 500, currency: 'EUR' } },
        { gross: { minor: 700, currency: 'USD' }, taxes: [{ amount: { minor: 36, currency: 'CHF' } }] },
      ],
      change: { minor: 0, currency: 'GBP' },
    };
    expect(foreignCurrencyIssues(record, 'EUR')).toEqual([
      { path: ['lines', 1, 'gross'], message: 'amount not in EUR' },
      { path: ['lines', 1, 'taxes', 0, 'amount'], message: 'amount not in EUR' },
      { path: ['change'], message: 'amount not in EUR' },
    ]);
  });

  it('starts the paths at the path it is given, and leaves that path as it was', () => {
    const base = ['payload'];
    expect(foreignCurrencyIssues({ due: { minor: 1, currency: 'USD' } }, 'EUR', base)).toEqual([
      { path: ['payload', 'due'], message: 'amount not in EUR' },
    ]);
    expect(base).toEqual(['payload']);
  });

  it('finds nothing in a record whose amounts are all in the currency, or in values that are not records', () => {
    expect(foreignCurrencyIssues({ a: [{ minor: 1, currency: 'EUR' }], b: 'USD', c: null }, 'EUR')).toEqual(
      [],
    );
    expect(foreignCurrencyIssues('USD', 'EUR')).toEqual([]);
    expect(foreignCurrencyIssues(null, 'EUR')).toEqual([]);
  });
});
