import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/use-format';
import type { ParkedSale } from '../../../state/parked-sales';
import { Dialog, LargeRowList } from '../../../ui/kit';

/** The sales parked on this till: time, cashier, items and total; Enter or a tap resumes one. */
export function ParkedSalesDialog({
  parked,
  onResume,
  onClose,
}: {
  readonly parked: readonly ParkedSale[];
  readonly onResume: (id: string) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = parked.map((p) => ({
    id: p.id,
    label: t('saleEdit.parked.row', {
      time: format.time(Date.parse(p.parkedAt)),
      cashier: p.staffName,
      count: p.itemCount,
      total: format.money(p.total),
    }),
  }));
  const [selectedId, setSelectedId] = useState(rows[0]?.id);
  const selected = rows.find((r) => r.id === selectedId) ?? rows[0];
  return (
    <Dialog
      title={t('saleEdit.parked.title')}
      onClose={onClose}
      testId="parked-sales"
      wide
      actions={
        selected && (
          <button type="button" data-testid="parked-resume" onClick={() => onResume(selected.id)}>
            {t('saleEdit.parked.resume')}
          </button>
        )
      }
    >
      <LargeRowList
        rows={rows}
        label={t('saleEdit.parked.list')}
        selectedId={selected?.id}
        onSelect={setSelectedId}
        onActivate={onResume}
        emptyText={t('saleEdit.parked.none')}
        testId="parked-list"
      />
    </Dialog>
  );
}
