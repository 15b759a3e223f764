/** Reading and writing bundle files for the app: the core does the work, this names things. */
import { describeBundleError } from '../../../../core/exchange/bundle/errors';
import { readBundle, readBundleAsync, type ReadBundle } from '../../../../core/exchange/bundle/read-bundle';
import { webCodecs } from './web-codecs';
import { writeBundle } from '../../../../core/exchange/bundle/write-bundle';
import type { Dataset } from '../../../../core/exchange/bundle/dataset';
import type { Language } from '../../../../core/shared/language';
import { err, ok, type Result } from '../../../../core/shared/result';

export const bundleExtension = 'maillage';

/** Reads and checks a bundle, natively where the page can (see web-codecs.ts). */
export async function openBundle(bytes: Uint8Array, language: Language): Promise<Result<ReadBundle, string>> {
  const codecs = webCodecs();
  const read = codecs ? await readBundleAsync(bytes, new Date(), codecs) : readBundle(bytes, new Date());
  return read.ok ? ok(read.value) : err(describeBundleError(read.error, language));
}

export function bundleBytes(dataset: Dataset, deviceId: string, researcher: string): Uint8Array {
  return writeBundle(dataset, {
    device: { id: deviceId, name: researcher ? `Maillage — ${researcher}` : 'Maillage' },
    researcher,
    time: new Date(),
  });
}

const slug = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function bundleFileName(researcher: string, today: string): string {
  const who = slug(researcher);
  return `maillage-${who ? `${who}-` : ''}${today}.${bundleExtension}`;
}
