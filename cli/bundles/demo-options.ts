/**
 * The options of `maillage demo`, checked before any work: a new dataset (`--interviews`) or
 * the edit of a bundle (`--edit-of`, with `--rate` and `--add`). A wrong value is a usage error
 * that names the option, the accepted range and what was typed.
 */
import { deviceIdPattern } from '../../core/exchange/hlc';
import { err, ok, type Result } from '../../core/shared/result';
import type { OptionValues, OptionsConfig } from '../args';
import type { MessageKey } from '../i18n/messages';

export const demoOptions = {
  interviews: { type: 'string' },
  seed: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'edit-of': { type: 'string' },
  device: { type: 'string' },
  rate: { type: 'string' },
  add: { type: 'string' },
} as const satisfies OptionsConfig;

interface Common {
  readonly seed: number;
  readonly device: string;
  readonly output: string;
}
export type DemoRequest =
  | (Common & { readonly kind: 'new'; readonly interviews: number })
  | (Common & { readonly kind: 'edit'; readonly source: string; readonly rate: number; readonly add?: number });

export interface DemoOptionError {
  readonly key: MessageKey;
  readonly vars?: Readonly<Record<string, string>>;
}

const text = (values: OptionValues, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

function wholeNumber(value: string | undefined, fallback: number, min: number, max: number): number | null {
  if (value === undefined) return fallback;
  if (!/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

function fraction(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value)) return null;
  const n = Number(value);
  return n >= 0 && n <= 1 ? n : null;
}

const fail = (key: MessageKey, value = ''): Result<never, DemoOptionError> => err({ key, vars: { value } });

export function parseDemoOptions(values: OptionValues): Result<DemoRequest, DemoOptionError> {
  const output = text(values, 'output');
  const source = text(values, 'edit-of');
  const seed = wholeNumber(text(values, 'seed'), 1, 0, 0xffffffff);
  if (seed === null) return fail('demo.invalidSeed', text(values, 'seed'));
  const device = text(values, 'device') ?? (source === undefined ? 'demo' : 'demo-edit');
  if (!deviceIdPattern.test(device)) return fail('demo.invalidDevice', device);
  if (output === undefined || output === '') return fail('demo.missingOutput');
  if (source === undefined) {
    for (const option of ['rate', 'add'] as const) {
      if (text(values, option) !== undefined) return err({ key: 'demo.editOnly', vars: { option: `--${option}` } });
    }
    const interviews = wholeNumber(text(values, 'interviews'), 200, 1, 100_000);
    if (interviews === null) return fail('demo.invalidInterviews', text(values, 'interviews'));
    return ok({ kind: 'new', interviews, seed, device, output });
  }
  if (text(values, 'interviews') !== undefined) return fail('demo.notWithEdit');
  const rate = fraction(text(values, 'rate'), 0.1);
  if (rate === null) return fail('demo.invalidRate', text(values, 'rate'));
  const addText = text(values, 'add');
  const add = wholeNumber(addText, 0, 0, 100_000);
  if (add === null) return fail('demo.invalidAdd', addText);
  return ok({ kind: 'edit', source, rate, seed, device, output, ...(addText === undefined ? {} : { add }) });
}
