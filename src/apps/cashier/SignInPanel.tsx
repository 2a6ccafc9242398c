import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Staff sign in with their PIN; checked against replicated hashes, so it works offline. */
export function SignInPanel({
  onSignIn,
  problem,
}: {
  onSignIn: (pin: string) => Promise<boolean>;
  problem: string | undefined;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onSignIn(pin);
    setPin('');
  };
  return (
    <section className="sign-in">
      <h2>{t('till.signIn.title')}</h2>
      <form onSubmit={submit}>
        <label htmlFor="pin">{t('till.signIn.pin')}</label>
        <input
          id="pin"
          data-testid="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
        <button type="submit" data-testid="sign-in">
          {t('till.signIn.submit')}
        </button>
      </form>
      {problem && (
        <p className="error" role="alert" data-testid="sign-in-error">
          {problem}
        </p>
      )}
    </section>
  );
}
