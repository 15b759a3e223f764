/**
 * The questionnaire screen (`#/interviews/<id>/fill[/<section>]`): loads the interview, then the
 * exact form version it was started with, and says plainly when either cannot be had.
 */
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../core/records/interview';
import { routeHref } from '../../app/router';
import { useForm } from '../forms/use-form';
import type { FormLoadError } from '../forms/registry';
import { useInterview } from '../interviews/use-interviews';
import { FillSession } from './fill-session';

function Problem({ text, back }: { text: string; back: { href: string; label: string } }) {
  return (
    <section className="fill-problem">
      <p role="alert">{text}</p>
      <a href={back.href}>{back.label}</a>
    </section>
  );
}

function formProblemKey(error: FormLoadError): 'fill.formMissing' | 'fill.formInvalid' | 'fill.formStorage' {
  switch (error.code) {
    case 'unknown-form': return 'fill.formMissing';
    case 'invalid-form': return 'fill.formInvalid';
    case 'storage': return 'fill.formStorage';
  }
}

function WithForm({ interview, section }: { interview: Interview; section: string | undefined }) {
  const { t } = useTranslation();
  const form = useForm(interview.formId, interview.formVersion);
  if (form.state === 'loading') return <p>{t('app.loading')}</p>;
  if (form.state === 'error') {
    const key = `${interview.formId}@${String(interview.formVersion)}`;
    return <Problem text={t(formProblemKey(form.error), { key })} back={{ href: routeHref({ screen: 'interview', id: interview.id }), label: t('fill.backToCover') }} />;
  }
  return <FillSession interview={interview} form={form.form} section={section} />;
}

export function FillScreen({ id, section }: { id: string; section?: string | undefined }) {
  const { t } = useTranslation();
  const loaded = useInterview(id);
  const back = { href: routeHref({ screen: 'interviews' }), label: t('fill.backToList') };
  if (loaded.state === 'loading') return <p>{t('app.loading')}</p>;
  if (loaded.state === 'error') return <Problem text={t(`storage.${loaded.error.code}`, { detail: loaded.error.detail })} back={back} />;
  if (loaded.value === null) return <Problem text={t('fill.notFound')} back={back} />;
  return <WithForm interview={loaded.value} section={section} />;
}
