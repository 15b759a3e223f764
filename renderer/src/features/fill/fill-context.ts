/**
 * What every question of the fill screen needs: the form, the engine's verdict on the current
 * answers, and the few actions a question may take. One context instead of props through
 * sections, repeats and matrices.
 */
import { createContext, useContext } from 'react';
import type { AnswerValue, Answers } from '../../../../core/forms/answers';
import type { FormState } from '../../../../core/forms/engine';
import type { CompiledForm } from '../../../../core/forms/model';
import type { Language } from '../../../../core/shared/language';

export interface FillApi {
  readonly form: CompiledForm;
  readonly state: FormState;
  readonly answers: Answers;
  readonly lang: Language;
  /** Errors are shown once a question was left, or everywhere after an attempt to complete. */
  readonly isShowingErrors: (path: string) => boolean;
  /** Updates the answer on screen at once and queues its save. */
  readonly change: (path: string, value: AnswerValue | undefined) => void;
  /** The researcher left this question. */
  readonly touch: (path: string) => void;
  /** The researcher is on this question (remembered to resume there). */
  readonly visit: (path: string) => void;
  readonly addItem: (repeat: string) => Promise<string | null>;
  readonly removeItem: (repeat: string, itemId: string) => Promise<boolean>;
}

export const FillContext = createContext<FillApi | null>(null);

export function useFill(): FillApi {
  const api = useContext(FillContext);
  if (!api) throw new Error('useFill() outside <FillContext>');
  return api;
}
