/** Each conflict side by side — who, when, both values — and the researcher's choice. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceOf, wallOf } from '../../../../core/exchange/hlc';
import { isLanguage } from '../../../../core/shared/language';
import type { FieldConflict, KnownDevice } from '../../data';
import { currentResearcher } from '../../app/researcher';
import { routeHref } from '../../app/router';
import type { CompiledForm } from '../../../../core/forms/model';
import { getForm } from '../forms/registry';
import { choiceLabels, conflictFieldLabel, thirdValueKind, thirdValueOf, type ThirdValue } from './conflict-values';
import { interviewFieldNames, type InterviewField } from '../../../../core/records/interview';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';
import { useNotice } from '../../ui/notice';
import { storageMessage } from '../interviews/messages';
import { isLikertCode, likertCodes } from '../../../../core/forms/answers';
import { likertName } from '../fill/likert';

const show = (value: unknown, empty: string): string => {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => show(v, empty)).join(', ');
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return JSON.stringify(value);
};

export function ConflictsScreen() {
  const { t, i18n } = useTranslation();
  const { storage } = useServices();
  const notice = useNotice();
  const [conflicts, setConflicts] = useState<readonly FieldConflict[] | null>(null);
  const [devices, setDevices] = useState<readonly KnownDevice[]>([]);
  const [ownDevice, setOwnDevice] = useState<string | null>(null);
  const [forms, setForms] = useState<ReadonlyMap<string, CompiledForm>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  useEffect(() => {
    let isCurrent = true;
    const ownId = storage.exchange.deviceId().catch(() => null);
    void Promise.all([storage.conflicts.list(), storage.devices.list(), ownId]).then(([listed, known, own]) => {
      if (!isCurrent) return;
      if (listed.ok) setConflicts(listed.value);
      else setError(storageMessage(t, listed.error));
      if (known.ok) setDevices(known.value);
      setOwnDevice(own);
      if (!listed.ok) return;
      // The forms tell what a third value may be (a number, a text; a choice is made among the versions).
      const keys = [...new Set(listed.value.map((c) => `${c.interview.formId}@${c.interview.formVersion}`))];
      void Promise.all(keys.map((key) => {
        const [id = '', v = '0'] = key.split('@');
        return getForm(storage.forms, id, Number(v)).then((form) => [key, form] as const);
      })).then((loaded) => {
        if (isCurrent) setForms(new Map(loaded.flatMap(([key, form]) => (form.ok ? [[key, form.value] as const] : []))));
      });
    });
    return () => { isCurrent = false; };
  }, [storage, t, version]);

  const resolve = async (conflict: FieldConflict, value: unknown) => {
    const result = await storage.conflicts.resolve(conflict.interview.id, conflict.paths, value, currentResearcher());
    if (!result.ok) notice.show({ kind: 'error', text: storageMessage(t, result.error) });
    else notice.show(result.value ? { kind: 'success', text: t('conflicts.resolved') } : { kind: 'error', text: t('conflicts.notResolved') });
    setVersion((v) => v + 1);
  };
  const likertLabel = (conflict: FieldConflict, form: CompiledForm | undefined, value: unknown) =>
    thirdValueKind(conflict, form)?.kind === 'likert' && typeof value === 'string' && isLikertCode(value) ? likertName(t, value) : null;
  const coverLabel = (field: string) => ((interviewFieldNames as readonly string[]).includes(field) ? t(`interview.fields.${field as InterviewField}`) : undefined);
  const deviceName = (stamp: string) => {
    const id = deviceOf(stamp);
    if (id === ownDevice) return t('conflicts.thisComputer');
    return devices.find((d) => d.id === id)?.name ?? t('conflicts.otherComputer', { id: id.slice(0, 10) });
  };

  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('conflicts.title')}</h1>
      <p>{t('conflicts.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {conflicts?.length === 0 && <p className="empty-state">{t('conflicts.none')}</p>}
      {conflicts?.map((conflict) => {
        const form = forms.get(`${conflict.interview.formId}@${conflict.interview.formVersion}`);
        return (
          <ConflictCard
            key={`${conflict.interview.id}/${conflict.path}`}
            conflict={conflict}
            field={conflictFieldLabel(conflict, form, language, coverLabel)}
            third={thirdValueKind(conflict, form)}
            describe={(stamp) => t('conflicts.written', { device: deviceName(stamp), date: formatDateTime(new Date(wallOf(stamp)).toISOString(), language) })}
            show={(value) => choiceLabels(conflict, form, value, language) ?? likertLabel(conflict, form, value) ?? show(value, t('conflicts.empty'))}
            onChoose={(value) => { void resolve(conflict, value); }}
          />
        );
      })}
    </section>
  );
}

interface CardProps {
  readonly conflict: FieldConflict;
  /** The question's label. */
  readonly field: string;
  readonly third: ThirdValue;
  readonly describe: (stamp: string) => string;
  readonly show: (value: unknown) => string;
  readonly onChoose: (value: unknown) => void;
}

function ConflictCard({ conflict, field, third: kind, describe, show: display, onChoose }: CardProps) {
  const { t } = useTranslation();
  const [other, setOther] = useState<string | readonly string[]>('');
  const third = thirdValueOf(kind, other);
  return (
    <article className="conflict-card" aria-label={`${conflict.interview.respondentName} — ${t('conflicts.field', { field })}`}>
      <h2>
        {conflict.interview.respondentName} · {conflict.interview.firmName}
        {' '}<a href={routeHref({ screen: 'interview', id: conflict.interview.id })}>{t('conflicts.open')}</a>
      </h2>
      <p>{t('conflicts.field', { field })}</p>
      <div className="conflict-versions">
        {conflict.versions.map((version, index) => (
          <div key={version.hlc} className="conflict-version">
            <p className="conflict-value">{display(version.value)}{index === 0 && <em> — {t('conflicts.shownNow')}</em>}</p>
            <p className="conflict-meta">{describe(version.hlc)}</p>
            <button type="button" onClick={() => { onChoose(version.value); }}>{t('conflicts.keep')}</button>
          </div>
        ))}
      </div>
      {kind !== null && (
        <div className="conflict-other">
          <ThirdValueInput kind={kind} value={other} onChange={setOther} />
          <button type="button" disabled={third === null} onClick={() => { if (third !== null) onChoose(third); }}>{t('conflicts.saveOther')}</button>
        </div>
      )}
    </article>
  );
}

interface ThirdInputProps {
  readonly kind: NonNullable<ThirdValue>;
  readonly value: string | readonly string[];
  readonly onChange: (value: string | readonly string[]) => void;
}

/** Where the third value is given, as the question asks for it: typed, picked from a list, or ticked. */
function ThirdValueInput({ kind, value, onChange }: ThirdInputProps) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const typed = typeof value === 'string' ? value : '';
  if (kind.kind === 'choices') {
    const ticked = typeof value === 'string' ? [] : value;
    return (
      <fieldset className="conflict-other-choices">
        <legend>{t('conflicts.other')}</legend>
        {kind.choices.map((choice) => (
          <label key={choice.value}>
            <input
              type="checkbox"
              checked={ticked.includes(choice.value)}
              onChange={(event) => { onChange(event.target.checked ? [...ticked, choice.value] : ticked.filter((code) => code !== choice.value)); }}
            />
            {choice.label[language]}
          </label>
        ))}
      </fieldset>
    );
  }
  if (kind.kind === 'choice' || kind.kind === 'likert') {
    const options = kind.kind === 'choice' ? kind.choices.map((choice) => ({ code: choice.value, label: choice.label[language] })) : likertCodes.map((code) => ({ code, label: likertName(t, code) }));
    return (
      <label>
        {t('conflicts.other')}
        <select value={typed} onChange={(event) => { onChange(event.target.value); }}>
          <option value="">{t('conflicts.pick')}</option>
          {options.map((option) => <option key={option.code} value={option.code}>{option.label}</option>)}
        </select>
      </label>
    );
  }
  return (
    <label>
      {t('conflicts.other')}
      <input
        type={kind.kind === 'date' ? 'date' : 'text'}
        inputMode={kind.kind === 'integer' || kind.kind === 'decimal' ? 'decimal' : undefined}
        value={typed}
        onChange={(event) => { onChange(event.target.value); }}
      />
    </label>
  );
}
