/** Each conflict side by side — who, when, both values — and the researcher's choice. */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDirectory } from '../../../../core/exchange/bundle/device-directory';
import { conflictDeviceNames, type DeviceNaming } from './conflict-device-names';
import { deviceOf, wallOf } from '../../../../core/exchange/hlc';
import { isLanguage } from '../../../../core/shared/language';
import type { FieldConflict, KnownDevice } from '../../data';
import { currentResearcher } from '../../app/researcher';
import { routeHref } from '../../app/router';
import type { CompiledForm } from '../../../../core/forms/model';
import { getForm } from '../forms/registry';
import { answerState, choiceLabels, conflictFieldLabel, thirdValueKind, thirdValueOf, thirdValueProblem, typedNumberProblem } from './conflict-values';
import { evaluateForm, type FormState, type NodeState } from '../../../../core/forms/engine';
import { interviewFieldNames, type InterviewField } from '../../../../core/records/interview';
import { useServices } from '../../app/services';
import { formatDateTime, formatIsoDate } from '../../i18n/format';
import { useNotice } from '../../ui/notice';
import { problemMessage, storageMessage } from '../interviews/messages';
import { problemText } from '../fill/problem-messages';
import { isLikertCode, type Answers } from '../../../../core/forms/answers';
import { toIsoDate } from '../../../../core/shared/dates';
import { likertName } from '../fill/likert';
import { ThirdValueInput } from './third-value-input';

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
  /** Devices known only through other bundles (a coordinator's merge, a colleague's colleague). */
  const [names, setNames] = useState<DeviceDirectory>(new Map());
  const [ownDevice, setOwnDevice] = useState<string | null>(null);
  const [forms, setForms] = useState<ReadonlyMap<string, CompiledForm>>(new Map());
  /** Each interview's answers: what a third value is checked against, as the fill screen would check it. */
  const [answers, setAnswers] = useState<ReadonlyMap<string, Answers>>(new Map());
  const [today] = useState(() => toIsoDate(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  useEffect(() => {
    let isCurrent = true;
    // A function: the flag changes while this awaits.
    const stale = () => !isCurrent;
    const load = async () => {
      const ownId = storage.exchange.deviceId().catch(() => null);
      const [listed, known, named, own] = await Promise.all([storage.conflicts.list(), storage.devices.list(), storage.devices.names(), ownId]);
      if (stale()) return;
      if (known.ok) setDevices(known.value);
      if (named.ok) setNames(named.value);
      setOwnDevice(own);
      if (!listed.ok) {
        setError(storageMessage(t, listed.error));
        return;
      }
      // The forms and each interview's answers tell what a third value may be, and check it as the
      // fill screen would; the conflicts are shown with them, never against answers of before.
      const keys = [...new Set(listed.value.map((c) => `${c.interview.formId}@${c.interview.formVersion}`))];
      const ids = [...new Set(listed.value.map((c) => c.interview.id))];
      const [loaded, read] = await Promise.all([
        Promise.all(keys.map((key) => {
          const [id = '', v = '0'] = key.split('@');
          return getForm(storage.forms, id, Number(v)).then((form) => [key, form] as const);
        })),
        Promise.all(ids.map((id) => storage.interviews.get(id))),
      ]);
      if (stale()) return;
      setForms(new Map(loaded.flatMap(([key, form]) => (form.ok ? [[key, form.value] as const] : []))));
      setAnswers(new Map(read.flatMap((result) => (result.ok && result.value ? [[result.value.id, result.value.answers] as const] : []))));
      setConflicts(listed.value);
    };
    void load();
    return () => { isCurrent = false; };
  }, [storage, t, version]);

  /** Each interview with a conflict as the fill screen sees it, evaluated once for all its cards. */
  const evaluated = useMemo(() => {
    const states = new Map<string, FormState>();
    for (const conflict of conflicts ?? []) {
      const { id, formId, formVersion } = conflict.interview;
      const form = forms.get(`${formId}@${String(formVersion)}`);
      const given = answers.get(id);
      if (form && given && !states.has(id)) states.set(id, evaluateForm(form, given, today));
    }
    return states;
  }, [conflicts, forms, answers, today]);

  const resolve = async (conflict: FieldConflict, value: unknown) => {
    const result = await storage.conflicts.resolve(conflict.interview.id, conflict.paths, value, currentResearcher());
    if (!result.ok) notice.show({ kind: 'error', text: storageMessage(t, result.error) });
    else notice.show(result.value ? { kind: 'success', text: t('conflicts.resolved') } : { kind: 'error', text: t('conflicts.notResolved') });
    setVersion((v) => v + 1);
  };
  /** A point of the scale by its name, a date as the researcher writes it; null for other values. */
  const namedValue = (conflict: FieldConflict, form: CompiledForm | undefined, value: unknown) => {
    if (typeof value !== 'string') return null;
    const kind = conflict.path === 'interviewDate' ? 'date' : thirdValueKind(conflict, form)?.kind;
    if (kind === 'likert' && isLikertCode(value)) return likertName(t, value);
    return kind === 'date' ? formatIsoDate(value, language) : null;
  };
  const coverLabel = (field: string) => ((interviewFieldNames as readonly string[]).includes(field) ? t(`interview.fields.${field as InterviewField}`) : undefined);
  const naming: DeviceNaming = {
    own: ownDevice,
    // The directory holds each device's latest label; devices met before it existed are only in the list of devices seen.
    labelOf: (id) => names.get(id) ?? devices.find((d) => d.id === id),
    thisComputer: t('conflicts.thisComputer'),
    unknown: (id) => t('conflicts.otherComputer', { id }),
  };

  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h1 id="conflicts-title">{t('conflicts.title')}</h1>
      <p>{t('conflicts.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {conflicts?.length === 0 && <p className="empty-state">{t('conflicts.none')}</p>}
      {conflicts?.map((conflict) => {
        const form = forms.get(`${conflict.interview.formId}@${conflict.interview.formVersion}`);
        const deviceNames = conflictDeviceNames(conflict.versions.map((version) => deviceOf(version.hlc)), naming);
        return (
          <ConflictCard
            key={`${conflict.interview.id}/${conflict.path}`}
            conflict={conflict}
            field={conflictFieldLabel(conflict, form, language, coverLabel)}
            form={form}
            answers={answers.get(conflict.interview.id)}
            answer={answerState(conflict, evaluated.get(conflict.interview.id))}
            today={today}
            describe={(stamp) => t('conflicts.written', { device: deviceNames.get(deviceOf(stamp)) ?? '', date: formatDateTime(new Date(wallOf(stamp)).toISOString(), language) })}
            show={(value) => choiceLabels(conflict, form, value, language) ?? namedValue(conflict, form, value) ?? show(value, t('conflicts.empty'))}
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
  readonly form: CompiledForm | undefined;
  /** The interview's answers, once read. */
  readonly answers: Answers | undefined;
  /** The conflict's answer as the fill screen sees it (see answerState). */
  readonly answer: NodeState | null | undefined;
  readonly today: string;
  readonly describe: (stamp: string) => string;
  readonly show: (value: unknown) => string;
  readonly onChoose: (value: unknown) => void;
}

function ConflictCard({ conflict, field, form, answers, answer, today, describe, show: display, onChoose }: CardProps) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const [other, setOther] = useState<string | readonly string[]>('');
  const kind = useMemo(() => thirdValueKind(conflict, form, answer), [conflict, form, answer]);
  const given = useMemo(() => thirdValueOf(kind, other), [kind, other]);
  const problem = useMemo(() => (given === null ? null : thirdValueProblem(conflict, form, answers, given, today)), [conflict, form, answers, given, today]);
  const typed = typedNumberProblem(kind, other);
  const third = problem ? null : given;
  const problemId = `conflict-problem-${conflict.interview.id}-${conflict.path}`;
  const problemLine = typed
    ? t(typed === 'integer' ? 'fill.problems.integerExpected' : 'fill.problems.numberExpected')
    : problem && (problem.kind === 'answer' ? problemText(t, language, problem.node, problem.problem) : problemMessage(t, language, problem.problem));
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
          <ThirdValueInput kind={kind} value={other} onChange={setOther} problemId={problemLine ? problemId : undefined} />
          <button type="button" disabled={third === null} onClick={() => { if (third !== null) onChoose(third); }}>{t('conflicts.saveOther')}</button>
          {problemLine && <p id={problemId} className="field-error conflict-problem" role="alert">{problemLine}</p>}
        </div>
      )}
    </article>
  );
}
