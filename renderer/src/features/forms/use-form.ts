import { useEffect, useState } from 'react';
import type { CompiledForm } from '../../../../core/forms/model';
import { useServices } from '../../app/services';
import { getForm, type FormLoadError } from './registry';

export type FormLoad =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly form: CompiledForm }
  | { readonly state: 'error'; readonly error: FormLoadError };

/** The compiled form with this id and version, or why it cannot be had. */
export function useForm(id: string, version: number | null): FormLoad {
  const { storage } = useServices();
  const [load, setLoad] = useState<FormLoad>({ state: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    const loading = version === null
      ? Promise.resolve({ ok: false as const, error: { code: 'unknown-form' as const, key: id } })
      : getForm(storage.forms, id, version);
    void loading.then((result) => {
      if (isCurrent) setLoad(result.ok ? { state: 'ready', form: result.value } : { state: 'error', error: result.error });
    });
    return () => { isCurrent = false; };
  }, [storage, id, version]);
  return load;
}
