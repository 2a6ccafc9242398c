import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { StaffMember } from '../../core/staff/staff-member';
import { syncFailureWords } from '../../i18n/error-words';
import { deviceStatusWords } from '../../state/device-words';
import type { PinGuard } from '../../state/pin-guard';
import { useStoreSlice, useTillServices } from '../../state/services-context';
import { Dialog, PinPad } from '../../ui/kit';
import { useKiosk, useKioskState } from './kiosk-context';

// The staff's view of the kiosk, behind a manager's PIN (checked on the
// kiosk against the store's staff, with the till's wrong-PIN lockout):
// devices, the server, what waits to be sent, and a card payment whose
// outcome is unknown. Customers only ever see the plain words.

export function StaffDetails({ guard, onClose }: { readonly guard: PinGuard; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const services = useTillServices();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const check = async (pin: string) => {
    const staff = (await services.db.staff.find().exec()).map((doc) => doc.toMutableJSON() as StaffMember);
    const managers = staff.filter((member) => member.role === 'manager');
    const checked = await guard.checkAnyone(managers, pin, 'approval');
    if (checked.kind === 'ok') {
      setOpen(true);
      setProblem(undefined);
    } else setProblem(checked.words);
  };

  return (
    <Dialog
      title={t('kioskApp.staff.title')}
      onClose={onClose}
      testId="kiosk-staff-details"
      cancelLabel={t('common.close')}
      wide
    >
      {open ? (
        <StaffReport />
      ) : (
        <>
          <PinPad label={t('kioskApp.staff.pin')} onSubmit={check} testId="kiosk-staff-pin" autoFocus />
          <p role="alert" data-testid="kiosk-staff-problem">
            {problem ?? ''}
          </p>
        </>
      )}
    </Dialog>
  );
}

function StaffReport() {
  const { t } = useTranslation();
  const { syncStatus, deviceStatus } = useTillServices();
  const kiosk = useKiosk();
  const sync = useStoreSlice(syncStatus, (s) => s);
  const devices = useStoreSlice(
    deviceStatus,
    useShallow((s) => Object.values(s.devices)),
  );
  const hostConnected = useStoreSlice(deviceStatus, (s) => s.hostConnected);
  const payment = useKioskState((s) => s.payment.phase);
  return (
    <div className="kiosk-staff-report" data-testid="kiosk-staff-report">
      <ul>
        <li>{t(`status.server.${sync.server}`)}</li>
        <li>
          {t(`status.sync.${sync.replication.state}`)}
          {sync.replication.error ? ` · ${syncFailureWords(sync.replication.error)}` : ''}
        </li>
        <li>
          {t('status.outbox', { pending: sync.outbox.pending })}
          {sync.outbox.failed > 0 ? t('status.outboxFailed', { failed: sync.outbox.failed }) : ''}
        </li>
        <li>
          {t(
            hostConnected === undefined
              ? 'status.host.none'
              : hostConnected
                ? 'status.host.connected'
                : 'status.host.disconnected',
          )}
        </li>
        {devices.map((device) => (
          <li key={device.deviceId} data-testid="kiosk-staff-device">
            {deviceStatusWords(device)}
          </li>
        ))}
      </ul>
      {payment === 'checking' || payment === 'stuck' ? (
        <div>
          <p>{t(payment === 'stuck' ? 'kioskApp.staff.paymentStuck' : 'kioskApp.staff.paymentUnknown')}</p>
          <button type="button" onClick={() => void kiosk.checkPayment()}>
            {t('kioskApp.pay.checkAgain')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
