import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { money } from '../../core/money';
import { useFormat } from '../../i18n/use-format';
import type { ApprovalStore } from '../../state/approval-store';
import { Dialog, LargeRowList, PinPad } from '../../ui/kit';
import { focusPin } from '../../ui/staff/focus-pin';
import './approval-prompt.css';

/**
 * The PIN prompt of an approval (approval-store.ts), mounted once in the
 * cashier screen: it shows only while an action waits for a supervisor's or a
 * manager's PIN. The approver takes their name in the list of large rows (a
 * wrong PIN then counts against that person) or types the PIN alone; Escape
 * or Cancel gives up.
 */
export function ApprovalPrompt({ approvals }: { approvals: ApprovalStore }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pending = useStore(approvals.store, (s) => s.pending);
  if (!pending) return null;
  const approver = pending.approvers.find((a) => a.id === pending.approverId);
  const rows = pending.approvers.map((a) => ({
    ...a,
    label: `${a.displayName}, ${t(`approvals.roles.${a.role}`)}`,
  }));

  return (
    <Dialog
      title={t('approvals.promptTitle')}
      onClose={approvals.cancel}
      cancelLabel={t('approvals.cancel')}
      testId="approval-prompt"
      wide
    >
      <div className="approval-prompt" data-action={pending.action}>
        <div className="approval-what">
          <p data-testid="approval-request">
            {t('approvals.promptIntro', {
              requester: pending.requester.displayName,
              action: t(`approvals.actions.${pending.action}`),
            })}
          </p>
          <dl className="approval-details">
            <dt>{t('approvals.reasonLabel')}</dt>
            <dd data-testid="approval-reason">{pending.reason}</dd>
            {pending.percentBps !== undefined && (
              <>
                <dt>{t('approvals.percentLabel')}</dt>
                <dd data-testid="approval-percent">{format.percent(pending.percentBps / 10_000)}</dd>
              </>
            )}
            {pending.amountMinor !== undefined && pending.currency && (
              <>
                <dt>{t('approvals.amountLabel')}</dt>
                <dd data-testid="approval-amount">
                  {format.money(money(pending.amountMinor, pending.currency))}
                </dd>
              </>
            )}
          </dl>
          {pending.approvers.length > 1 && (
            <>
              <p className="kit-field-label" id="approval-approvers-label">
                {t('approvals.chooseApprover')}
              </p>
              <LargeRowList
                rows={rows}
                label={t('approvals.chooseApprover')}
                selectedId={pending.approverId}
                onSelect={approvals.chooseApprover}
                onActivate={() => focusPin('approval-pin')}
                testId="approval-approvers"
              />
            </>
          )}
        </div>
        <div className="approval-pin">
          <PinPad
            label={
              approver
                ? t('approvals.pinLabel', { name: approver.displayName })
                : t('approvals.pinLabelAnyone')
            }
            submitLabel={pending.checking ? t('approvals.checking') : t('approvals.approve')}
            disabled={pending.checking || pending.approvers.length === 0}
            onSubmit={approvals.submitPin}
            testId="approval-pin"
            autoFocus
          />
          <p className="error approval-problem" role="alert" data-testid="approval-problem">
            {pending.problem ?? ''}
          </p>
        </div>
      </div>
    </Dialog>
  );
}
