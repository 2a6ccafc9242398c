import { useTranslation } from 'react-i18next';
import { PinPad } from '../../ui/kit/PinPad';

/** Staff sign in with their PIN, on the keyboard or the pad; checked against replicated hashes, so it works offline. */
export function SignInPanel({
  onSignIn,
  problem,
}: {
  onSignIn: (pin: string) => Promise<boolean>;
  problem: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('till.signIn.title')}</h2>
      <PinPad
        onSubmit={onSignIn}
        label={t('till.signIn.pin')}
        submitLabel={t('till.signIn.submit')}
        testId="pin-input"
        submitTestId="sign-in"
        autoFocus
      />
      {problem && (
        <p className="error" role="alert" data-testid="sign-in-error">
          {problem}
        </p>
      )}
    </section>
  );
}
