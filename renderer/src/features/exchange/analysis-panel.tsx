/**
 * Export for analysis: CSV files, an XLSX workbook or the data dictionary of everything or a
 * selection, values as codes or labels, pseudonymised unless the researcher chooses names in
 * clear and confirms it; the export log of this computer below.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFormats, type ExportFormat } from '../../../../core/exports/analysis-files';
import { labelModes, type LabelMode } from '../../../../core/exports/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { ExportLogTable } from './export-log-table';
import { everything, type Selection } from './selection';
import { SelectionBar } from './selection-bar';
import { useAnalysisExport } from './use-analysis-export';

interface RadioChoicesProps<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly options: readonly T[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly labelOf: (value: T) => string;
}

function RadioChoices<T extends string>({ name, legend, options, value, onChange, labelOf }: RadioChoicesProps<T>) {
  return (
    <fieldset className="export-choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => { onChange(option); }} />
          {labelOf(option)}
        </label>
      ))}
    </fieldset>
  );
}

export function AnalysisPanel() {
  const { t } = useTranslation();
  const exporter = useAnalysisExport();
  const { state, log, logError, secret, secretNote, pendingSecret, reset } = exporter;
  const [selection, setSelection] = useState<Selection>(everything);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [labels, setLabels] = useState<LabelMode>('codes');
  const [bom, setBom] = useState(false);
  const [identified, setIdentified] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const isBusy = state.step === 'busy';
  /** A new choice: the last export's message no longer describes what the options say. */
  const choose = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    if (!isBusy) reset();
  };

  const start = () => {
    // Not disabled while busy: a disabled button would drop the keyboard focus.
    if (isBusy) return;
    if (identified) setConfirming(true);
    else void exporter.run({ selection, format, labels, bom, identified });
  };
  const confirm = () => {
    setConfirming(false);
    void exporter.run({ selection, format, labels, bom, identified: true });
  };

  return (
    <section className="panel" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('analysis.title')}</h2>
      <p>{t('analysis.intro')}</p>
      <SelectionBar selection={selection} onChange={choose(setSelection)} label={t('analysis.selection')} />
      <RadioChoices name="analysis-format" legend={t('analysis.format')} options={exportFormats} value={format} onChange={choose(setFormat)} labelOf={(f) => t(`analysis.formats.${f}`)} />
      <RadioChoices name="analysis-labels" legend={t('analysis.values')} options={labelModes} value={labels} onChange={choose(setLabels)} labelOf={(mode) => t(`analysis.labels.${mode}`)} />
      {format === 'xlsx' && <p className="hint">{t('analysis.xlsxHint')}</p>}
      {format !== 'xlsx' && (
        <label className="check">
          <input type="checkbox" checked={bom} onChange={(event) => { choose(setBom)(event.target.checked); }} />
          {t('analysis.bom')}
        </label>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={identified}
          aria-describedby={identified ? 'analysis-identified-warning' : undefined}
          onChange={(event) => { choose(setIdentified)(event.target.checked); setConfirming(false); }}
        />
        {t('analysis.identified')}
      </label>
      {identified && <p id="analysis-identified-warning" className="warning">{t('analysis.identifiedWarning')}</p>}
      <button type="button" className="primary" aria-disabled={isBusy} onClick={start}>{t('analysis.export')}</button>
      <ConfirmDialog
        open={confirming}
        title={t('analysis.confirmTitle')}
        body={t('analysis.confirmText')}
        confirmLabel={t('analysis.confirm')}
        cancelLabel={t('analysis.cancel')}
        onConfirm={confirm}
        onCancel={() => { setConfirming(false); }}
      />
      <div aria-live="polite">
        {state.step === 'busy' && <p role="status">{t('analysis.exporting')}</p>}
        {state.step === 'done' && <p role="status">{state.text}</p>}
        {state.step === 'cancelled' && <p role="status">{t('analysis.cancelled')}</p>}
        {state.step === 'error' && <p role="alert" className="form-summary">{state.text}</p>}
        {(state.step === 'done' || state.step === 'error') && state.notes.map((note) => <p key={note} className="warning">{note}</p>)}
      </div>
      {!identified && (
        <>
          <h3>{t('analysis.secretTitle')}</h3>
          <p>{t(secret?.origin === 'team-file' ? 'analysis.secretTeam' : 'analysis.secretThisComputer')}</p>
          <div className="form-actions">
            <button type="button" onClick={() => { void exporter.chooseTeamSecret(); }}>{t('analysis.chooseSecret')}</button>
            <button type="button" onClick={() => { void exporter.saveSecretFile(); }}>{t('analysis.saveSecret')}</button>
          </div>
          <div aria-live="polite">
            {secretNote && <p role={secretNote.isError ? 'alert' : 'status'} className={secretNote.isError ? 'form-summary' : undefined}>{secretNote.text}</p>}
          </div>
          <ConfirmDialog
            open={pendingSecret !== null}
            title={t('analysis.confirmSecretTitle')}
            body={t('analysis.confirmSecretText', { file: pendingSecret?.fileName ?? '' })}
            confirmLabel={t('analysis.confirmSecret')}
            cancelLabel={t('analysis.cancel')}
            onConfirm={() => { void exporter.keepTeamSecret(); }}
            onCancel={exporter.cancelTeamSecret}
          />
        </>
      )}
      {logError !== null && <p role="alert" className="form-summary">{t('analysis.logUnreadable', { reason: logError })}</p>}
      <ExportLogTable entries={log} />
    </section>
  );
}
