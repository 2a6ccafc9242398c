import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { NO_SALE_REASONS, type NoSaleStore } from '../../../state/no-sale-store';
import { Dialog, LargeRowList } from '../../../ui/kit';
import '../../../ui/staff/staff-access.css';

/**
 * "Ouvrir le tiroir": the reason, taken in a list, then the approval prompt
 * if the cashier's role needs one; what happened shows under the menu.
 */
export function NoSaleDialog({ noSale }: { noSale: NoSaleStore }) {
  const { t } = useTranslation();
  const { choosing, outcome } = useStore(noSale.store);
  const [selected, setSelected] = useState<string | undefined>(NO_SALE_REASONS[0]);
  return (
    <>
      {choosing && (
        <Dialog title={t('noSale.title')} onClose={noSale.cancel} testId="no-sale-dialog">
          <LargeRowList
            rows={NO_SALE_REASONS.map((id) => ({ id, label: t(`noSale.reasons.${id}`) }))}
            label={t('noSale.why')}
            selectedId={selected}
            onSelect={setSelected}
            onActivate={(id) => void noSale.open(id as (typeof NO_SALE_REASONS)[number])}
            testId="no-sale-reasons"
          />
        </Dialog>
      )}
      {outcome && (
        <p
          className={outcome.kind === 'opened' ? 'no-sale-outcome' : 'no-sale-outcome error'}
          role={outcome.kind === 'opened' ? 'status' : 'alert'}
          data-testid="no-sale-outcome"
          data-kind={outcome.kind}
        >
          {outcome.words}
        </p>
      )}
    </>
  );
}
