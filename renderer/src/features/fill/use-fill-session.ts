/**
 * The state of one open questionnaire: the answers on screen (the truth while it is open), the
 * engine's verdict on them, and the autosave queue that carries each change to storage. A
 * change is on screen at once; its save is queued and flushed when focus leaves the form, when
 * the window is hidden or closed, and when the screen is left.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRepeatInstances, type AnswerValue, type Answers } from '../../../../core/forms/answers';
import { evaluateForm } from '../../../../core/forms/engine';
import type { CompiledForm } from '../../../../core/forms/model';
import { parseAnswerPath, setAnswer } from '../../../../core/records/answer-paths';
import { erasedByWithdrawal, isConsentWithdrawal } from '../../../../core/records/consent';
import type { Interview } from '../../../../core/records/interview';
import { toIsoDate } from '../../../../core/shared/dates';
import { isLanguage } from '../../../../core/shared/language';
import { currentResearcher } from '../../app/researcher';
import { useServices } from '../../app/services';
import type { FillApi } from './fill-context';
import { createSaveQueue, type SaveStatus } from './save-queue';
import { throttle } from './throttle';

export type SaveState = SaveStatus | 'idle';

export interface FillSession {
  readonly api: FillApi;
  /** The interview as last stored by a lifecycle step (status, dates); answers live in `api`. */
  readonly interview: Interview;
  readonly setInterview: (interview: Interview) => void;
  readonly today: string;
  readonly saveState: SaveState;
  readonly flush: () => Promise<void>;
  readonly retry: () => void;
  readonly showAllErrors: () => void;
  /** Grows after each stored change, so that views of the history know to read it again. */
  readonly changeCount: number;
  readonly noteChange: () => void;
  /** A change of the consent answer that would erase answers, waiting for the researcher's confirmation. */
  readonly pendingWithdrawal: { readonly value: string | undefined; readonly erased: number } | null;
  readonly confirmWithdrawal: () => Promise<void>;
  readonly cancelWithdrawal: () => void;
}

/** Replaces one repeat group by its stored items, leaving the other answers as they are on screen. */
function withStoredRepeat(answers: Answers, repeat: string, stored: Answers[string]): Answers {
  const { [repeat]: _previous, ...rest } = answers;
  return stored === undefined ? rest : { ...rest, [repeat]: stored };
}

export function useFillSession(initial: Interview, form: CompiledForm): FillSession {
  const { storage } = useServices();
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'fr';
  const id = initial.id;
  const [interview, setInterview] = useState(initial);
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [today] = useState(() => toIsoDate(new Date()));
  const state = useMemo(() => evaluateForm(form, answers, today), [form, answers, today]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [isShowingAll, setShowingAll] = useState(false);
  const [changeCount, setChangeCount] = useState(0);
  const noteChange = useCallback(() => { setChangeCount((n) => n + 1); }, []);

  const [queue] = useState(() => createSaveQueue<AnswerValue | undefined>({
    write: async (path, value) => {
      const parsed = parseAnswerPath(path);
      if (!parsed) return true;
      const result = await storage.interviews.saveAnswer(id, parsed, value, form.definition, currentResearcher());
      return result.ok && result.value !== null;
    },
    onStatus: setSaveState,
    onCommitted: (_path, changedAt) => {
      performance.measure('maillage:answer-commit', { start: changedAt, end: performance.now() });
      setChangeCount((n) => n + 1);
    },
  }));
  const [position] = useState(() => throttle<string>((path) => { void storage.interviews.rememberPosition(id, path); }, 1000));

  useEffect(() => {
    const save = () => {
      void queue.flush();
      position.flush();
    };
    const onVisibility = () => { if (document.visibilityState === 'hidden') save(); };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', save);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', save);
      save();
    };
  }, [queue, position]);

  const [pendingWithdrawal, setPendingWithdrawal] = useState<FillSession['pendingWithdrawal']>(null);

  const change = useCallback((path: string, value: AnswerValue | undefined) => {
    const parsed = parseAnswerPath(path);
    if (!parsed) return;
    if (!('repeat' in parsed) && isConsentWithdrawal(form, answers, parsed.name, value)) {
      const erased = erasedByWithdrawal(form, answers).length;
      if (erased > 0) {
        setPendingWithdrawal({ value: typeof value === 'string' ? value : undefined, erased });
        return;
      }
    }
    setAnswers((current) => setAnswer(current, parsed, value));
    queue.set(path, value);
  }, [queue, form, answers]);

  const confirmWithdrawal = useCallback(async () => {
    if (!pendingWithdrawal) return;
    setPendingWithdrawal(null);
    await queue.flush();
    const result = await storage.interviews.withdrawConsent(id, form, pendingWithdrawal.value, currentResearcher());
    if (result.ok && result.value) {
      setAnswers(result.value.answers);
      setInterview(result.value);
      setChangeCount((n) => n + 1);
    }
  }, [pendingWithdrawal, queue, storage, id, form]);

  const touch = useCallback((path: string) => {
    setTouched((current) => (current.has(path) ? current : new Set(current).add(path)));
  }, []);

  const addItem = useCallback(async (repeat: string): Promise<string | null> => {
    await queue.flush();
    const result = await storage.interviews.addRepeatItem(id, repeat, currentResearcher());
    if (!result.ok || !result.value) return null;
    const stored = result.value.answers[repeat];
    setAnswers((current) => withStoredRepeat(current, repeat, stored));
    noteChange();
    return isRepeatInstances(stored) ? stored.at(-1)?.id ?? null : null;
  }, [queue, storage, id, noteChange]);

  const removeItem = useCallback(async (repeat: string, itemId: string): Promise<boolean> => {
    await queue.flush();
    const result = await storage.interviews.removeRepeatItem(id, repeat, itemId, currentResearcher());
    if (!result.ok || !result.value) return false;
    const stored = result.value.answers[repeat];
    setAnswers((current) => withStoredRepeat(current, repeat, stored));
    noteChange();
    return true;
  }, [queue, storage, id, noteChange]);

  const api = useMemo((): FillApi => ({
    form,
    state,
    answers,
    lang,
    isShowingErrors: (path) => isShowingAll || touched.has(path),
    change,
    touch,
    visit: (path) => { position.set(path); },
    addItem,
    removeItem,
  }), [form, state, answers, lang, isShowingAll, touched, change, touch, position, addItem, removeItem]);

  return {
    api,
    interview,
    setInterview,
    today,
    saveState,
    flush: useCallback(() => queue.flush(), [queue]),
    retry: useCallback(() => { void queue.retry(); }, [queue]),
    showAllErrors: useCallback(() => { setShowingAll(true); }, []),
    changeCount,
    noteChange,
    pendingWithdrawal,
    confirmWithdrawal,
    cancelWithdrawal: useCallback(() => { setPendingWithdrawal(null); }, []),
  };
}
