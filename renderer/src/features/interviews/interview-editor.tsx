/**
 * Create or edit an interview. Nothing is written until every field passes the core's checks;
 * then one transaction stores it whole. Errors are shown next to each field and summarised at the
 * top, and focus goes to the first field to correct.
 */
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  interviewFieldNames,
  validateInterviewInput,
  type FieldProblems,
  type Interview,
  type InterviewField,
  type InterviewInput,
} from '../../../../core/records/interview';
import { toIsoDate } from '../../../../core/shared/dates';
import type { CompiledForm } from '../../../../core/forms/model';
import { navigate, routeHref } from '../../app/router';
import { useServices } from '../../app/services';
import { currentResearcher } from '../../app/researcher';
import { defaultFormId, latestBuiltInVersion } from '../forms/registry';
import { useForm } from '../forms/use-form';
import { useNotice } from '../../ui/notice';
import { DeleteInterview } from './delete-interview';
import { InterviewFieldset } from './interview-fields';
import { storageMessage } from './messages';
import { useInterview } from './use-interviews';

const lastInterviewerKey = 'maillage.lastInterviewer';

function blankInput(): InterviewInput {
  let interviewer = '';
  try {
    interviewer = window.localStorage.getItem(lastInterviewerKey) ?? '';
  } catch {
    // No remembered interviewer: the field starts empty.
  }
  return { interviewDate: toIsoDate(new Date()), interviewer };
}

function inputOf(interview: Interview): InterviewInput {
  return Object.fromEntries(interviewFieldNames.map((field) => [field, interview[field]]));
}

export function InterviewEditor({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const loaded = useInterview(id);
  const interview = loaded.state === 'ready' ? loaded.value : null;
  const formId = interview?.formId ?? defaultFormId;
  const form = useForm(formId, interview ? interview.formVersion : latestBuiltInVersion(formId));
  if (loaded.state === 'loading' || form.state === 'loading') return <p>{t('app.loading')}</p>;
  if (form.state === 'error') return <p role="alert">{t('forms.cannotOpen', { key: form.error.code === 'storage' ? formId : form.error.key })}</p>;
  if (loaded.state === 'error') return <p role="alert">{t(`storage.${loaded.error.code}`, { detail: loaded.error.detail })}</p>;
  if (id !== null && loaded.value === null) {
    return (
      <section>
        <h1>{t('interview.newTitle')}</h1>
        <p role="alert">{t('interview.notFound')}</p>
        <a href="#/interviews">{t('interview.back')}</a>
      </section>
    );
  }
  return <EditorForm interview={loaded.value} form={form.form} />;
}

function EditorForm({ interview, form }: { interview: Interview | null; form: CompiledForm }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const notice = useNotice();
  const [input, setInput] = useState<InterviewInput>(() => (interview ? inputOf(interview) : blankInput()));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [hasTriedSave, setHasTriedSave] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const today = () => toIsoDate(new Date());

  const change = (field: InterviewField, value: string) => {
    const next = { ...input, [field]: value };
    setInput(next);
    if (hasTriedSave) {
      const checked = validateInterviewInput(next, today());
      setProblems(checked.ok ? {} : checked.error);
    }
  };

  const focusFirstProblem = (found: FieldProblems) => {
    const first = interviewFieldNames.find((field) => found[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    performance.mark('maillage:save-start');
    setHasTriedSave(true);
    const checked = validateInterviewInput(input, today());
    if (!checked.ok) {
      setProblems(checked.error);
      focusFirstProblem(checked.error);
      return;
    }
    setProblems({});
    setIsSaving(true);
    const result = interview
      ? await storage.interviews.updateCover(interview.id, checked.value, form.definition, currentResearcher())
      : await storage.interviews.create(checked.value, form.definition);
    performance.measure('maillage:save', 'maillage:save-start');
    setIsSaving(false);
    if (!result.ok) {
      setSaveError(storageMessage(t, result.error));
      return;
    }
    if (result.value === null) {
      setSaveError(t('interview.notFound'));
      return;
    }
    try {
      window.localStorage.setItem(lastInterviewerKey, checked.value.interviewer);
    } catch {
      // Remembering the interviewer is a convenience; the interview itself is saved.
    }
    notice.show({ kind: 'success', text: t(interview ? 'interview.updated' : 'interview.created') });
    navigate({ screen: 'interviews' });
  };

  const problemCount = Object.keys(problems).length;
  const title = interview ? t('interview.editTitle', { name: interview.respondentName }) : t('interview.newTitle');

  return (
    <section className="interview-editor" aria-labelledby="editor-title">
      <h1 id="editor-title">{title}</h1>
      <p className="intro">{t('interview.intro')}</p>
      {problemCount > 0 && (
        <p className="form-summary" role="alert">{t('problems.summary', { count: problemCount })}</p>
      )}
      {saveError && <p className="form-summary" role="alert">{saveError}</p>}
      <form ref={formRef} noValidate onSubmit={(event) => { void submit(event); }}>
        <InterviewFieldset input={input} problems={problems} onChange={change} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isSaving}>
            {isSaving ? t('interview.saving') : t('interview.save')}
          </button>
          <a className="button" href="#/interviews">{t('interview.cancel')}</a>
          {interview && (
            <a className="button" href={routeHref({ screen: 'fill', id: interview.id })}>{t('fill.open')}</a>
          )}
          {interview && <DeleteInterview interview={interview} />}
        </div>
      </form>
    </section>
  );
}
