import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskExitDialog } from './KioskExitDialog';
import { StaffCorner } from './StaffCorner';

export function KioskScreen() {
  const { t } = useTranslation();
  const [exiting, setExiting] = useState(false);
  return (
    <main className="screen kiosk">
      <header>
        <h1>{t('kioskApp.title')}</h1>
      </header>
      <p>{t('kioskApp.intro')}</p>
      <StaffCorner onGesture={() => setExiting(true)} />
      {exiting ? <KioskExitDialog onClose={() => setExiting(false)} /> : null}
    </main>
  );
}
