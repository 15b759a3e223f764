/** Import a colleague's bundle: choose or drop it, see what it will change, confirm. */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../../core/shared/language';
import { routeHref } from '../../app/router';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { bundleExtension } from './bundle-files';
import { useImport } from './use-import';

const columns = ['new', 'updated', 'unchanged', 'conflicts', 'deleted'] as const;

export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const { state, read, apply, reset } = useImport();
  const [isOver, setIsOver] = useState(false);
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  const choose = async () => {
    const opened = await platform.files.openFile({ filters: [{ name: t('exchange.fileFilter'), extensions: [bundleExtension] }] });
    if (opened.ok && opened.value.status === 'opened') await read(opened.value.name, opened.value.data);
  };
  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setIsOver(false);
    const file = event.dataTransfer.files[0];
    if (file) await read(file.name, new Uint8Array(await file.arrayBuffer()));
  };
  const isBusy = state.step === 'reading' || state.step === 'applying';

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('exchange.importTitle')}</h2>
      <div
        className={`drop-zone${isOver ? ' drop-zone-over' : ''}`}
        onDragOver={(event) => { event.preventDefault(); setIsOver(true); }}
        onDragLeave={() => { setIsOver(false); }}
        onDrop={(event) => { void drop(event); }}
      >
        <button type="button" className="primary" disabled={isBusy} onClick={() => { void choose(); }}>{t('exchange.chooseFile')}</button>
        <span>{t('exchange.dropHint')}</span>
      </div>
      <div aria-live="polite" aria-busy={isBusy}>
        {state.step === 'reading' && <p>{t('exchange.reading', { file: state.file })}</p>}
        {state.step === 'applying' && <p>{t('exchange.applying')}</p>}
      </div>
      {state.step === 'refused' && <p role="alert" className="form-summary">{t('exchange.refused', { file: state.file, reason: state.reason })}</p>}
      {state.step === 'preview' && (
        <div className="import-preview">
          <h3>{t('exchange.previewTitle')}</h3>
          <p>{t('exchange.previewFrom', {
            researcher: state.manifest.researcher || '—',
            date: formatDateTime(state.manifest.exportedAt, language),
            device: state.manifest.device.name,
          })}</p>
          <table className="preview-table">
            <thead>
              <tr>
                <th scope="col">{t('exchange.kind')}</th>
                {columns.map((c) => <th key={c} scope="col">{t(`exchange.columns.${c}`)}</th>)}
              </tr>
            </thead>
            <tbody>
              {(['interviews', 'forms'] as const).map((kind) => (
                <tr key={kind}>
                  <th scope="row">{t(`exchange.kinds.${kind}`)}</th>
                  {columns.map((c) => <td key={c} data-testid={`preview-${kind}-${c}`}>{state.preview[kind][c]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => { void apply(); }}>{t('exchange.confirmImport')}</button>
            <button type="button" onClick={reset}>{t('exchange.cancel')}</button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div role="status">
          <p>{t('exchange.imported', { count: state.written })}</p>
          {state.conflicts > 0 && (
            <p>
              {t('exchange.conflictsFound', { count: state.conflicts })}{' '}
              <a href={routeHref({ screen: 'conflicts' })}>{t('exchange.seeConflicts')}</a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
