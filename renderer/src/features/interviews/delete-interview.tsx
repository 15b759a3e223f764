/** Delete with a confirmation first, and an undo offered afterwards: nothing goes by one slip. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../core/records/interview';
import { navigate } from '../../app/router';
import { useServices } from '../../app/services';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useNotice } from '../../ui/notice';
import type { DeletedInterview } from '../../data';
import { storageMessage } from './messages';

export function DeleteInterview({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const notice = useNotice();
  const [isAsking, setIsAsking] = useState(false);
  const names = { name: interview.respondentName, firm: interview.firmName };

  const undo = async (deleted: DeletedInterview) => {
    const restored = await storage.interviews.restore(deleted);
    notice.show(restored.ok
      ? { kind: 'success', text: t('interview.restored') }
      : { kind: 'error', text: storageMessage(t, restored.error) });
  };

  const confirm = async () => {
    setIsAsking(false);
    const result = await storage.interviews.remove(interview.id);
    if (!result.ok) {
      notice.show({ kind: 'error', text: storageMessage(t, result.error) });
      return;
    }
    const deleted = result.value;
    notice.show({
      kind: 'success',
      text: t('interview.deleted', names),
      ...(deleted ? { action: { label: t('interview.undoDelete'), run: () => { void undo(deleted); } } } : {}),
    });
    navigate({ screen: 'interviews' });
  };

  return (
    <>
      <button type="button" className="danger" onClick={() => { setIsAsking(true); }}>
        {t('interview.delete')}
      </button>
      <ConfirmDialog
        open={isAsking}
        title={t('interview.confirmDelete.title')}
        body={t('interview.confirmDelete.body', names)}
        confirmLabel={t('interview.confirmDelete.confirm')}
        cancelLabel={t('interview.confirmDelete.cancel')}
        onConfirm={() => { void confirm(); }}
        onCancel={() => { setIsAsking(false); }}
      />
    </>
  );
}
