/**
 * A narrative answer: what the respondent said, in the language they said it, and when the
 * question allows it the researcher's translation into the other language. Stored whole as a
 * LongTextAnswer; nothing is stored while both texts are empty.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLongTextAnswer, type LongTextAnswer } from '../../../../core/forms/answers';
import { getAnswer, parseAnswerPath } from '../../../../core/records/answer-paths';
import type { Language } from '../../../../core/shared/language';
import { useFill } from './fill-context';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

type AnswerLang = LongTextAnswer['lang'];
const answerLangs = ['fr', 'en', 'other'] as const satisfies readonly AnswerLang[];

/** French is translated into English and English into French; another language into the interface's. */
function translationLangOf(lang: AnswerLang, stored: Language | undefined, uiLang: Language): Language {
  if (lang === 'fr') return 'en';
  if (lang === 'en') return 'fr';
  return stored ?? uiLang;
}

export function LongTextQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  const { node, state, path } = props;
  const langId = useId();
  const translationId = useId();
  const [langDraft, setLangDraft] = useState<AnswerLang>('fr');
  const parsed = parseAnswerPath(path);
  const raw = parsed ? getAnswer(fill.answers, parsed) : undefined;
  // A plain string (an imported or older answer) is read as text in the draft language.
  const answer: LongTextAnswer | null = isLongTextAnswer(raw) ? raw : typeof raw === 'string' ? { text: raw, lang: langDraft } : null;
  const lang = answer?.lang ?? langDraft;
  const text = answer?.text ?? '';
  const translation = answer?.translation?.text ?? '';
  const isTranslatable = node.question.type === 'long-text' && node.question.translatable !== false;
  const translationLang = translationLangOf(lang, answer?.translation?.lang, fill.lang);

  const save = (next: { text: string; lang: AnswerLang; translation: string }) => {
    setLangDraft(next.lang);
    const keepsTranslation = isTranslatable && next.translation !== '';
    if (next.text === '' && !keepsTranslation) {
      fill.change(path, undefined);
      return;
    }
    const value: LongTextAnswer = {
      text: next.text,
      lang: next.lang,
      ...(keepsTranslation ? { translation: { lang: translationLangOf(next.lang, answer?.translation?.lang, fill.lang), text: next.translation } } : {}),
    };
    fill.change(path, value);
  };

  const after = (
    <div className="long-text-extras">
      <div className="long-text-lang">
        <label htmlFor={langId}>{t('fill.longText.lang')}</label>
        <select
          id={langId}
          value={lang}
          onChange={(event) => {
            const chosen = answerLangs.find((l) => l === event.target.value) ?? 'fr';
            save({ text, lang: chosen, translation });
          }}
        >
          {answerLangs.map((l) => <option key={l} value={l}>{t(`fill.longText.langs.${l}`)}</option>)}
        </select>
      </div>
      {isTranslatable && (
        <div className="long-text-translation">
          <label htmlFor={translationId}>{t('fill.longText.translation', { lang: translationLang })}</label>
          <textarea
            id={translationId}
            rows={3}
            lang={translationLang}
            value={translation}
            onChange={(event) => { save({ text, lang, translation: event.target.value }); }}
          />
        </div>
      )}
    </div>
  );

  return (
    <QuestionFrame {...props} kind="field" after={after}>
      {(ids) => (
        <textarea
          id={ids.id}
          rows={5}
          className="control-long-text"
          lang={lang === 'other' ? undefined : lang}
          value={text}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.isInvalid || undefined}
          aria-required={state.isRequired || undefined}
          onChange={(event) => { save({ text: event.target.value, lang, translation }); }}
        />
      )}
    </QuestionFrame>
  );
}
