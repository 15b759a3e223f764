/**
 * Tells the researcher, on whatever screen, when a merge from the shared folder has put
 * interviews in conflict, with a way to the conflicts screen: otherwise an interview would just
 * show one of the two values.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { useNotice } from '../../ui/notice';
import { useSyncSnapshot } from './use-sync';

export function SyncConflictsNotice() {
  const { t } = useTranslation();
  const notice = useNotice();
  const { newConflicts } = useSyncSnapshot();
  const shown = useRef(0);
  useEffect(() => {
    if (newConflicts <= shown.current) return;
    const count = newConflicts - shown.current;
    shown.current = newConflicts;
    notice.show({
      kind: 'warning',
      text: t('exchange.conflictsFound', { count }),
      action: { label: t('exchange.seeConflicts'), run: () => { navigate({ screen: 'conflicts' }); } },
    });
  }, [newConflicts, notice, t]);
  return null;
}
