import { useTranslation } from 'react-i18next';

export function PickupScreen() {
  const { t } = useTranslation();
  return (
    <main className="screen pickup">
      <header>
        <h1>{t('pickupApp.title')}</h1>
      </header>
      <p>{t('pickupApp.intro')}</p>
    </main>
  );
}
