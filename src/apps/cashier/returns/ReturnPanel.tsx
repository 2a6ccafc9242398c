import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useFormat } from '../../../i18n/use-format';
import type { ReturnStore } from '../../../state/return-store';
import type { SignedInStaff } from '../../../state/staff-sign-in';
import { Dialog } from '../../../ui/kit/Dialog';
import { ReturnDone } from './ReturnDone';
import { ReturnLines } from './ReturnLines';
import './returns.css';

/** "Retour": find the sale or order, choose lines, refund or exchange, return receipt. */
export function ReturnPanel({
  returns,
  staff,
}: {
  readonly returns: ReturnStore;
  readonly staff: SignedInStaff;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = useStore(returns.store);
  const [text, setText] = useState('');
  if (!state.open) return null;
  const total = returns.total();
  const basket = returns.basket();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text;
    setText('');
    if (state.withoutReceipt) void returns.scanArticle(value);
    else void returns.find(value);
  };
  // The field for a receipt's or an order's code, or (without receipt) an article's.
  const findingByCode = state.step !== 'done' && (state.step === 'find' || state.withoutReceipt);
  return (
    <Dialog
      title={t('returns.title')}
      onClose={returns.close}
      testId="return-panel"
      wide
      {...(state.step === 'done' ? { cancelLabel: t('returns.close') } : {})}
      // A scanner reads the receipt's QR, the order confirmation or the article into that field.
      onScan={(scan) => {
        if (!findingByCode) return false;
        void returns.scan(scan.data);
        return true;
      }}
    >
      {findingByCode && (
        <form onSubmit={submit} className="return-find">
          <label htmlFor="return-find-input">
            {state.withoutReceipt ? t('returns.lines.scanLabel') : t('returns.find.label')}
          </label>
          <input
            id="return-find-input"
            data-testid="return-find-input"
            autoComplete="off"
            data-autofocus
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" data-testid="return-find-submit">
            {t('returns.find.submit')}
          </button>
          {!state.withoutReceipt && (
            <button
              type="button"
              className="secondary"
              data-testid="return-without-receipt"
              onClick={returns.startWithoutReceipt}
            >
              {t('returns.find.withoutReceipt')}
            </button>
          )}
          <p className="hint">
            {state.withoutReceipt ? t('returns.lines.scanHint') : t('returns.find.hint')}
          </p>
        </form>
      )}
      {state.problem && (
        <p className="error" role="alert" data-testid="return-problem">
          {state.problem}
        </p>
      )}
      {state.step === 'lines' && state.found && (
        <>
          <p className="return-source" data-testid="return-source">
            {state.withoutReceipt
              ? t('returns.source.withoutReceipt')
              : state.found.source.source.type === 'online-order'
                ? `${t('returns.source.order', { number: state.found.source.source.id })} · ${t('returns.source.verified')}`
                : t('returns.source.sale', {
                    number: state.found.receiptNumber ?? state.found.source.source.id,
                  })}
          </p>
          <ReturnLines returns={returns} />
          {!state.withoutReceipt && (
            <fieldset className="return-refund-to">
              <legend>{t('returns.refund.total')}</legend>
              <label>
                <input
                  type="radio"
                  name="refund-to"
                  data-testid="refund-to-original"
                  checked={state.refundTo === 'original'}
                  onChange={() => returns.refundTo('original')}
                />
                {t('returns.refund.toOriginal')}
              </label>
              <label>
                <input
                  type="radio"
                  name="refund-to"
                  data-testid="refund-to-credit"
                  checked={state.refundTo === 'store-credit'}
                  onChange={() => returns.refundTo('store-credit')}
                />
                {t('returns.refund.toStoreCredit')}
              </label>
            </fieldset>
          )}
          <p className="return-total">
            {t('returns.refund.total')} :{' '}
            <strong data-testid="return-total">{total ? format.money(total) : ''}</strong>
          </p>
          {!state.withoutReceipt && basket.minor > 0 && (
            <p data-testid="return-exchange-basket">
              {t('returns.exchange.basket', { amount: format.money(basket) })}
            </p>
          )}
          {state.working && (
            <p role="status" data-testid="return-working">
              {state.working}
            </p>
          )}
          <div className="return-actions">
            <button
              type="button"
              data-testid="return-confirm"
              disabled={state.working !== undefined || !total || total.minor === 0}
              onClick={() => void returns.confirm(staff)}
            >
              {t('returns.refund.confirm')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="return-exchange"
              disabled={state.working !== undefined || !total || total.minor === 0}
              onClick={() => void returns.confirm(staff, { exchange: true })}
            >
              {t('returns.refund.exchange')}
            </button>
          </div>
        </>
      )}
      {state.step === 'done' && state.done && <ReturnDone returns={returns} done={state.done} />}
    </Dialog>
  );
}
