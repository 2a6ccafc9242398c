import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContactDraft, contactIssues } from '../../../state/kiosk-path';
import { useKiosk, useKioskState } from '../kiosk-context';
import { OnScreenKeyboard } from '../OnScreenKeyboard';
import { KioskTextField } from './KioskTextField';
import { useTypedForm } from './use-typed-form';

// How the store tells the customer about the order: a name, an email or a
// phone, and consent to order messages. Nothing else.

type ContactField = 'name' | 'email' | 'phone';
const FIELDS: readonly ContactField[] = ['name', 'email', 'phone'];
const FIELD_ISSUES: Readonly<Record<ContactField, readonly string[]>> = {
  name: ['missing-contact-name', 'invalid-field'],
  email: ['invalid-email', 'missing-email-and-phone'],
  phone: ['invalid-phone'],
};

export function ContactScreen() {
  const { t } = useTranslation();
  const kiosk = useKiosk();
  const contact = useKioskState((s) => s.path.contact);
  const language = useKioskState((s) => s.path.language);
  const [checked, setChecked] = useState(false);
  const issues = checked ? contactIssues(contact) : [];
  const form = useTypedForm<ContactField>(
    'name',
    (field) => contact[field],
    (field, value) => kiosk.dispatch({ type: 'contact', patch: { [field]: value } }),
  );
  const problemOf = (field: ContactField) => {
    const issue = issues.find((code) => FIELD_ISSUES[field].includes(code));
    return issue ? t(`kioskApp.issues.${issue as 'invalid-email'}`) : undefined;
  };
  const patch = (change: Partial<ContactDraft>) => kiosk.dispatch({ type: 'contact', patch: change });

  return (
    <section className="kiosk-contact" aria-labelledby="kiosk-contact-title" data-testid="kiosk-contact">
      <h1 id="kiosk-contact-title">{t('kioskApp.contact.title')}</h1>
      <p className="kiosk-hint">{t('kioskApp.contact.why')}</p>
      <form
        className="kiosk-form"
        aria-label={t('kioskApp.contact.title')}
        onSubmit={(event) => {
          event.preventDefault();
          setChecked(true);
          if (contactIssues(contact).length === 0) kiosk.go('pay');
        }}
      >
        <p className="kiosk-hint kiosk-form-hint">{t('kioskApp.contact.emailOrPhone')}</p>
        <div className="kiosk-form-fields">
          {FIELDS.map((field) => (
            <KioskTextField
              key={field}
              label={t(`kioskApp.contact.field.${field}`)}
              value={contact[field]}
              onChange={(value) => patch({ [field]: value })}
              onFocus={form.focusOn(field)}
              inputRef={form.refOf(field)}
              active={form.active === field}
              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
              autoComplete={field === 'name' ? 'name' : field === 'email' ? 'email' : 'tel'}
              required={field === 'name'}
              testId={`kiosk-contact-${field}`}
              problem={problemOf(field)}
            />
          ))}
        </div>
        <label className="kiosk-consent">
          <input
            type="checkbox"
            data-testid="kiosk-contact-consent"
            checked={contact.consent}
            aria-invalid={issues.includes('missing-consent') ? true : undefined}
            onChange={(event) => patch({ consent: event.target.checked })}
          />
          <span>{t('kioskApp.contact.consent')}</span>
        </label>
        {issues.includes('missing-consent') ? (
          <p className="kiosk-field-problem" role="alert" data-testid="kiosk-consent-problem">
            {t('kioskApp.issues.missing-consent')}
          </p>
        ) : null}
        <OnScreenKeyboard
          language={language}
          onKey={form.onKey}
          layout={form.active === 'phone' ? 'digits' : 'text'}
        />
        <div className="kiosk-actions">
          <button type="button" className="kiosk-secondary" onClick={() => kiosk.go('delivery')}>
            {t('kioskApp.nav.back')}
          </button>
          <button type="submit" className="kiosk-primary" data-testid="kiosk-contact-confirm">
            {t('kioskApp.nav.next')}
          </button>
        </div>
      </form>
    </section>
  );
}
