import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ApprovalStore } from '../../state/approval-store';
import './approval-prompt.css';

/**
 * The PIN prompt of an approval (approval-store.ts), mounted once in the
 * cashier screen: shows nothing until an action needs a supervisor's or a
 * manager's PIN. The approver is chosen in a list of large rows (so a wrong
 * PIN counts against that person), then types the PIN; Escape cancels.
 */
export function ApprovalPrompt({ approvals }: { approvals: ApprovalStore }) {
  const { t } = useTranslation();
  const pending = useStore(approvals.store, (s) => s.pending);
  const [pin, setPin] = useState('');
  const pinRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const pinId = useId();
  const requestId = pending?.requestId;
  const fresh = () => {
    setPin('');
    pinRef.current?.focus();
  };

  // A new request: empty field, focus on it (likewise after each PIN and each approver chosen).
  useEffect(() => {
    if (requestId === undefined) return;
    setPin('');
    pinRef.current?.focus();
  }, [requestId]);

  if (!pending) return null;
  const approver = pending.approvers.find((a) => a.id === pending.approverId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pin.length === 0) return;
    await approvals.submitPin(pin);
    fresh();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      approvals.cancel();
    }
  };

  return (
    <div className="approval-backdrop">
      <div
        className="approval-prompt"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="approval-prompt"
        data-action={pending.action}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{t('approvals.promptTitle')}</h2>
        <p data-testid="approval-request">
          {t('approvals.promptIntro', {
            requester: pending.requester.displayName,
            action: t(`approvals.actions.${pending.action}`),
          })}
        </p>
        <p className="approval-reason">
          <span>{t('approvals.reasonLabel')}</span>{' '}
          <span data-testid="approval-reason">{pending.reason}</span>
        </p>
        {pending.approvers.length > 1 && (
          <fieldset className="approval-approvers">
            <legend>{t('approvals.chooseApprover')}</legend>
            {pending.approvers.map((a) => (
              <button
                key={a.id}
                type="button"
                className="approval-approver"
                aria-pressed={a.id === pending.approverId}
                data-testid={`approver-${a.id}`}
                onClick={() => {
                  approvals.chooseApprover(a.id);
                  fresh();
                }}
              >
                <span>{a.displayName}</span> <small>{t(`approvals.roles.${a.role}`)}</small>
              </button>
            ))}
          </fieldset>
        )}
        <form onSubmit={submit} className="approval-pin">
          <label htmlFor={pinId}>
            {approver
              ? t('approvals.pinLabel', { name: approver.displayName })
              : t('approvals.pinLabelAnyone')}
          </label>
          <input
            id={pinId}
            ref={pinRef}
            data-testid="approval-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            disabled={pending.checking || pending.approvers.length === 0}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
          <div className="approval-buttons">
            <button
              type="submit"
              data-testid="approval-submit"
              disabled={pending.checking || pin.length === 0}
            >
              {pending.checking ? t('approvals.checking') : t('approvals.approve')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="approval-cancel"
              onClick={approvals.cancel}
            >
              {t('approvals.cancel')}
            </button>
          </div>
        </form>
        <p className="error" role="alert" data-testid="approval-problem">
          {pending.problem ?? ''}
        </p>
      </div>
    </div>
  );
}
