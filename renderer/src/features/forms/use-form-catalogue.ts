/**
 * The forms this computer knows: the built-in ones shipped with the app and those the
 * researcher installed, each with its title (from the compiled form, so a damaged stored form
 * shows as such instead of breaking the screen).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Text } from '../../../../core/forms/schema';
import { useServices } from '../../app/services';
import type { FormRepository, StorageError } from '../../data';
import { builtInForms, getForm } from './registry';

export interface CatalogueEntry {
  readonly key: string;
  readonly id: string;
  readonly version: number;
  /** Null when the form cannot be loaded (a damaged stored copy). */
  readonly title: Text | null;
  readonly fileName?: string;
  readonly installedAt?: string;
}

export type Catalogue =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly builtIn: readonly CatalogueEntry[]; readonly installed: readonly CatalogueEntry[] }
  | { readonly state: 'error'; readonly error: StorageError };

async function titleOf(forms: FormRepository, id: string, version: number): Promise<Text | null> {
  const loaded = await getForm(forms, id, version);
  return loaded.ok ? loaded.value.definition.title : null;
}

async function loadCatalogue(forms: FormRepository): Promise<Catalogue> {
  const stored = await forms.list();
  if (!stored.ok) return { state: 'error', error: stored.error };
  const builtIn = await Promise.all(
    builtInForms.map(async ({ id, version }) => ({ key: `${id}@${version}`, id, version, title: await titleOf(forms, id, version) })),
  );
  const sorted = [...stored.value].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  const installed = await Promise.all(
    sorted.map(async ({ key, id, version, fileName, installedAt }) => ({
      key, id, version, fileName, installedAt, title: await titleOf(forms, id, version),
    })),
  );
  return { state: 'ready', builtIn, installed };
}

/** The catalogue, and a way to read it again after an install. */
export function useFormCatalogue(): { readonly catalogue: Catalogue; readonly reload: () => void } {
  const { storage } = useServices();
  const [catalogue, setCatalogue] = useState<Catalogue>({ state: 'loading' });
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void loadCatalogue(storage.forms).then((next) => { if (isCurrent) setCatalogue(next); });
    return () => { isCurrent = false; };
  }, [storage, revision]);
  const reload = useCallback(() => { setRevision((r) => r + 1); }, []);
  return { catalogue, reload };
}
