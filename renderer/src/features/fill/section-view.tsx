/** The current section: its questions, or why it cannot be filled yet; then the way to the next. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { useFill } from './fill-context';
import { sectionTitle, shortSectionTitle } from './labels';
import { Question } from './question';

/** Memoised: redrawn when the answers change, not when only the save status does. */
export const SectionView = memo(function SectionView({ id, section }: { id: string; section: string }) {
  const { t } = useTranslation();
  const fill = useFill();
  const { form, state, lang } = fill;
  const index = form.sections.findIndex((s) => s.section.name === section);
  const compiled = form.sections[index];
  const sectionState = state.sections[index];
  if (!compiled || !sectionState) return null;
  const previous = form.sections[index - 1]?.section;
  const next = form.sections[index + 1]?.section;
  const consentSection = form.definition.consent?.section;
  const go = (name: string) => { navigate({ screen: 'fill', id, section: name }); };

  let body;
  if (sectionState.isLocked) {
    const consentTitle = consentSection ? shortSectionTitle(sectionTitle(form, consentSection, lang)) : '';
    body = <p className="section-message section-locked">{t('fill.section.locked', { section: consentTitle })}</p>;
  } else if (!sectionState.isVisible) {
    body = <p className="section-message">{t('fill.section.notApplicable')}</p>;
  } else if (compiled.nodes.length === 0) {
    body = <p className="section-message">{t('fill.section.empty')}</p>;
  } else {
    body = compiled.nodes.map((name) => <Question key={name} name={name} />);
  }

  return (
    <section className="fill-section" data-fill-section="" aria-labelledby="fill-section-title">
      <p className="fill-section-position">{t('fill.section.position', { index: index + 1, count: form.sections.length })}</p>
      <h2 id="fill-section-title" tabIndex={-1} data-section-heading="">{compiled.section.title[lang]}</h2>
      {compiled.section.description && <p className="section-description">{compiled.section.description[lang]}</p>}
      <div className="fill-questions">{body}</div>
      <div className="section-steps">
        {previous && (
          <button type="button" className="section-step" onClick={() => { go(previous.name); }}>
            <span className="section-step-kind"><span aria-hidden="true">← </span>{t('fill.section.previous')}</span>
            <span className="section-step-title">{previous.title[lang]}</span>
          </button>
        )}
        {next && (
          <button type="button" className="section-step section-step-next primary" data-next-section="" onClick={() => { go(next.name); }}>
            <span className="section-step-kind">{t('fill.section.next')}<span aria-hidden="true"> →</span></span>
            <span className="section-step-title">{next.title[lang]}</span>
          </button>
        )}
      </div>
    </section>
  );
});
