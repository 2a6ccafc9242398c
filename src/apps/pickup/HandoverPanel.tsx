import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { HANDOVER_REMAINDER_REASONS, ID_DOCUMENT_TYPES } from '../../core/orders/handover';
import { piecesLeft } from '../../core/orders/pickup-queue';
import { allCounted } from '../../core/orders/pickup-scan';
import { wantedToHandOver } from '../../state/pickup-handover-store';
import { ItemChecklist } from './ItemChecklist';
import { PayPanel } from './PayPanel';
import { RefusedOutcome } from './RefusedOutcome';
import { SignaturePad } from './SignaturePad';
import type { PickupDesk } from './use-pickup-desk';

/** Handing an order over: check the customer, scan the items, the signature, the slip. */
export function HandoverPanel({ parts, staffId }: { parts: PickupDesk; staffId: string }) {
  const { t } = useTranslation();
  const { desk, handover, payment } = parts;
  const state = useStore(handover.store);
  const pay = useStore(payment.store);
  const [code, setCode] = useState('');
  const order = state.order;
  const orderId = order?.id;
  // Paid at pickup: follow whether this order is paid while it is handed over.
  useEffect(() => {
    const open = orderId ? parts.list.orders().find((o) => o.id === orderId) : undefined;
    const shown = open ?? handover.store.getState().order;
    if (shown) void payment.open(shown);
    return () => payment.close();
  }, [orderId, payment, parts.list, handover]);
  if (!order) return null;
  const unpaid = pay.orderId === order.id && pay.phase !== 'paid' && pay.phase !== 'idle';
  const wanted = state.done ? new Map<string, number>() : wantedToHandOver(order);
  const complete = allCounted(wanted, state.counts);
  const checkCode = async (event: FormEvent) => {
    event.preventDefault();
    const typed = code.trim();
    setCode('');
    if (typed) await handover.identifyByCode(typed);
  };
  const anyScanned = order.lines.some((line) => (state.counts[line.lineId] ?? 0) > 0);
  // Why the go-on button is greyed out, said next to it (the payment panel may be scrolled away).
  const blocked = unpaid
    ? t('pickupApp.pay.dueFirst')
    : !anyScanned
      ? t('pickupApp.items.noneScanned')
      : undefined;
  const left = piecesLeft(order);
  const restCount = [...left.values()].reduce((a, b) => a + b, 0);

  return (
    <article
      className="pickup-flow"
      data-testid="pickup-handover-panel"
      aria-labelledby="pickup-handover-title"
    >
      <h2 id="pickup-handover-title">
        {state.step === 'done'
          ? restCount > 0
            ? t('pickupApp.done.partialTitle', { number: order.webOrderId })
            : t('pickupApp.done.title', { number: order.webOrderId })
          : t('pickupApp.handover.title', { number: order.webOrderId })}
      </h2>
      {/* Whom the order is for: the name to compare with an ID, and to greet the customer by. */}
      <p className="pickup-for" data-testid="pickup-handover-customer">
        {t('pickupApp.handover.customer', { name: order.customer.name })}
      </p>
      <p className="error" role="alert" data-testid="pickup-handover-problem">
        {state.problem ?? ''}
      </p>
      {state.trusted && state.step === 'identify' ? (
        <section className="pickup-step" aria-labelledby="pickup-identify-title">
          <h3 id="pickup-identify-title">{t('pickupApp.identify.title')}</h3>
          <p className="pickup-hint">{t('pickupApp.identify.hint')}</p>
          <form className="pickup-find-row" onSubmit={checkCode}>
            <label htmlFor="pickup-code-input" className="visually-hidden">
              {t('pickupApp.identify.codeLabel')}
            </label>
            <input
              id="pickup-code-input"
              data-testid="pickup-code-input"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('pickupApp.identify.codeLabel')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <button type="submit" data-testid="pickup-code-check">
              {t('pickupApp.identify.checkCode')}
            </button>
          </form>
          <fieldset className="pickup-choices">
            <legend>{t('pickupApp.identify.idLabel')}</legend>
            {ID_DOCUMENT_TYPES.map((document) => (
              <button
                key={document}
                type="button"
                className="secondary"
                data-testid={`pickup-id-${document}`}
                onClick={() => handover.identifyById(document)}
              >
                {t(`pickupApp.idDocuments.${document}`)}
              </button>
            ))}
          </fieldset>
          <div className="pickup-actions pickup-main-actions">
            <button type="button" className="secondary" onClick={desk.back} data-testid="pickup-back">
              {t('pickupApp.order.close')}
            </button>
          </div>
        </section>
      ) : null}
      {state.trusted && state.step !== 'identify' && state.step !== 'done' ? (
        <PayPanel payment={payment} order={order} staffId={staffId} />
      ) : null}
      {state.step === 'items' ? (
        <section className="pickup-step" aria-labelledby="pickup-items-title">
          <h3 id="pickup-items-title">{t('pickupApp.items.title')}</h3>
          <p className="pickup-hint">{t('pickupApp.items.hint')}</p>
          <ItemChecklist
            order={order}
            wanted={wanted}
            counts={state.counts}
            doneKey="pickupApp.items.scanned"
          />
          <p className="pickup-message" role="status" data-testid="pickup-handover-message">
            {state.message ?? ''}
          </p>
          {anyScanned ? (
            <fieldset className="pickup-choices" data-testid="pickup-refused">
              <legend>{t('pickupApp.refusedReturn.title')}</legend>
              <p className="pickup-hint">{t('pickupApp.refusedReturn.hint')}</p>
              {order.lines
                .filter((line) => (state.counts[line.lineId] ?? 0) > 0)
                .map((line) => {
                  const refused = state.refused[line.lineId] ?? 0;
                  return (
                    <span key={line.lineId} className="pickup-refused-line">
                      <button
                        type="button"
                        className="secondary"
                        disabled={refused >= (state.counts[line.lineId] ?? 0)}
                        data-testid={`pickup-refuse-${line.lineId}`}
                        onClick={() => handover.refuseOne(line.lineId)}
                      >
                        {t('pickupApp.refusedReturn.refuse', { name: line.name })}
                      </button>
                      {refused > 0 ? (
                        <>
                          <span data-testid={`pickup-refused-${line.lineId}`}>
                            {t('pickupApp.refusedReturn.count', { count: refused })}
                          </span>
                          <button
                            type="button"
                            className="secondary"
                            aria-label={t('pickupApp.refusedReturn.undo', { name: line.name })}
                            onClick={() => handover.unrefuse(line.lineId)}
                          >
                            ↺
                          </button>
                        </>
                      ) : null}
                    </span>
                  );
                })}
            </fieldset>
          ) : null}
          {/* Why the rest waits: asked once something is scanned, not before the first scan. */}
          {anyScanned && !complete ? (
            <fieldset className="pickup-choices">
              <legend>{t('pickupApp.items.reasonLabel')}</legend>
              {HANDOVER_REMAINDER_REASONS.map((reason) => (
                <button
                  key={reason}
                  type="button"
                  className={state.remainderReason === reason ? 'chosen' : 'secondary'}
                  aria-pressed={state.remainderReason === reason}
                  data-testid={`pickup-reason-${reason}`}
                  onClick={() =>
                    handover.choosePartial(state.remainderReason === reason ? undefined : reason)
                  }
                >
                  {t(`pickupApp.remainderReasons.${reason}`)}
                </button>
              ))}
            </fieldset>
          ) : null}
          <div className="pickup-actions pickup-main-actions">
            <button type="button" className="secondary" onClick={desk.back} data-testid="pickup-back">
              {t('pickupApp.order.close')}
            </button>
            <button
              type="button"
              disabled={blocked !== undefined}
              aria-describedby={blocked ? 'pickup-to-signature-why' : undefined}
              onClick={() => handover.toSignature()}
              data-testid="pickup-to-signature"
            >
              {complete || !anyScanned ? t('pickupApp.items.full') : t('pickupApp.items.partial')}
            </button>
            {blocked ? (
              <span id="pickup-to-signature-why" className="pickup-why" data-testid="pickup-to-signature-why">
                {blocked}
              </span>
            ) : null}
          </div>
        </section>
      ) : null}
      {state.step === 'sign' ? (
        <section className="pickup-step" aria-labelledby="pickup-sign-title">
          <h3 id="pickup-sign-title">{t('pickupApp.sign.title')}</h3>
          <p className="pickup-hint">{t('pickupApp.sign.hint')}</p>
          <SignaturePad onChange={handover.setSignature} signed={state.signature !== undefined} />
          <p className="pickup-message" role="status" data-testid="pickup-signature-status">
            {state.signature ? t('pickupApp.sign.signed') : ''}
          </p>
          <div className="pickup-actions pickup-main-actions">
            <button
              type="button"
              className="secondary"
              onClick={handover.backToItems}
              data-testid="pickup-back-to-items"
            >
              {t('pickupApp.sign.back')}
            </button>
            <button
              type="button"
              disabled={state.busy || unpaid}
              onClick={() => void handover.confirm(staffId)}
              data-testid="pickup-confirm"
            >
              {t('pickupApp.sign.confirm')}
            </button>
          </div>
        </section>
      ) : null}
      {state.step === 'done' && state.done ? (
        <section className="pickup-step" data-testid="pickup-done">
          <p role="status">{state.message}</p>
          {restCount > 0 ? (
            <p data-testid="pickup-rest">{t('pickupApp.done.rest', { count: restCount })}</p>
          ) : null}
          {state.done.refused ? (
            <RefusedOutcome
              refused={state.done.refused}
              busy={state.busy}
              retry={() => void handover.retryRefusedReturn(staffId)}
            />
          ) : null}
          {state.done.print ? (
            <p role="status" data-testid="pickup-print-status">
              {t('pickupApp.print.result', { message: state.done.print.message })}
            </p>
          ) : null}
          {state.done.mail ? (
            <p role="status" data-testid="pickup-mail-status">
              {state.done.mail === 'no-email'
                ? t('pickupApp.mail.noEmail')
                : t(`pickupApp.mail.${state.done.mail}`, { to: state.done.order.customer.email ?? '' })}
            </p>
          ) : null}
          <div className="pickup-actions pickup-main-actions">
            <button
              type="button"
              className="secondary"
              onClick={() => void handover.printSlip()}
              data-testid="pickup-print"
            >
              {t('pickupApp.done.print')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void handover.mailSlip()}
              data-testid="pickup-mail"
            >
              {t('pickupApp.mail.send')}
            </button>
            <button type="button" onClick={desk.back} data-testid="pickup-next">
              {t('pickupApp.done.next')}
            </button>
          </div>
        </section>
      ) : null}
      {!state.trusted && !state.busy ? (
        <div className="pickup-actions pickup-main-actions">
          <button type="button" className="secondary" onClick={desk.back} data-testid="pickup-back">
            {t('pickupApp.order.close')}
          </button>
        </div>
      ) : null}
    </article>
  );
}
