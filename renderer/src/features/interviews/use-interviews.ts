/** React's view of the interview repository: live lists and single interviews. */
import { useEffect, useState } from 'react';
import type { Interview } from '../../../../core/records/interview';
import type { InterviewList, StorageError } from '../../data';
import { useServices } from '../../app/services';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'error'; readonly error: StorageError };

/** The list of interviews, kept up to date after every change in any window. */
export function useInterviewList(): Loadable<InterviewList> {
  const { storage } = useServices();
  const [list, setList] = useState<Loadable<InterviewList>>({ state: 'loading' });
  useEffect(
    () => storage.interviews.watch((result) => {
      setList(result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error });
    }),
    [storage],
  );
  return list;
}

/** One interview, read once (the editor owns the fields while it is open). */
export function useInterview(id: string | null): Loadable<Interview | null> {
  const { storage } = useServices();
  const [interview, setInterview] = useState<Loadable<Interview | null>>(
    id === null ? { state: 'ready', value: null } : { state: 'loading' },
  );
  useEffect(() => {
    if (id === null) return;
    let isCurrent = true;
    void storage.interviews.get(id).then((result) => {
      if (!isCurrent) return;
      setInterview(result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error });
    });
    return () => { isCurrent = false; };
  }, [id, storage]);
  return interview;
}
