/**
 * Why a chosen file was not installed: the file name first, then each problem with the question
 * it is about, in the interface language (the same words as `maillage form check`).
 */
import { useTranslation } from 'react-i18next';
import { describeFormProblem } from '../../../../core/forms/problems';
import type { Language } from '../../../../core/shared/language';
import type { BridgeErrorCode } from '../../platform';
import type { InstallOutcome } from './install-form';

export type InstallFailure =
  | Exclude<InstallOutcome, { readonly kind: 'installed' }>
  | { readonly kind: 'open-error'; readonly code: BridgeErrorCode };

export function InstallFailureMessage({ failure, language }: { failure: InstallFailure; language: Language }) {
  const { t } = useTranslation();
  let summary: string;
  switch (failure.kind) {
    case 'invalid': summary = t('forms.invalid', { fileName: failure.fileName, count: failure.problems.length }); break;
    case 'built-in': summary = t('forms.builtIn', { fileName: failure.fileName, id: failure.id, version: failure.version }); break;
    case 'already-installed': summary = t('forms.alreadyInstalled', { fileName: failure.fileName, id: failure.id, version: failure.version }); break;
    case 'not-utf8': summary = t('forms.notUtf8', { fileName: failure.fileName }); break;
    case 'storage': summary = t('forms.storageError', { fileName: failure.fileName, detail: failure.error.detail }); break;
    case 'open-error': summary = t('forms.openError', { message: t(`bridge.${failure.code}`) }); break;
  }
  return (
    <div className="install-failure" role="alert" data-testid="install-failure">
      <p className="install-failure-summary">{summary}</p>
      {failure.kind === 'invalid' && (
        <ul className="install-problems">
          {failure.problems.map((problem, i) => (
            // Problems have no identity of their own; the loader's order never changes for one file.
            <li key={`${String(i)}-${problem.code}`}>{describeFormProblem(problem, language)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
