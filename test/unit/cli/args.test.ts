import { describe, expect, it } from 'vitest';
import { parseLine, peek } from '../../../cli/args';
import { findCommand, type Command } from '../../../cli/commands';

const stub = (name: string): Command => ({ name, summary: { en: name, fr: name }, run: () => 0 });

describe('argument parsing', () => {
  it('peeks the language and the command words before checking the line', () => {
    expect(peek(['--lang', 'fr', 'merge', 'a.json'])).toEqual({ lang: 'fr', words: ['merge', 'a.json'] });
    expect(peek(['--lang=en', '--unknown'])).toEqual({ lang: 'en', words: [] });
  });

  it('accepts the options a command declares and hands over its arguments', () => {
    const parsed = parseLine(['merge', '--out', 'all.json', 'a.json', 'b.json'], { out: { type: 'string' } }, 1);
    expect(parsed).toEqual({ ok: true, value: { values: { out: 'all.json' }, args: ['a.json', 'b.json'] } });
  });

  it('reports an option no command declares', () => {
    expect(parseLine(['merge', '--out', 'x'], {}, 1)).toEqual({ ok: false, error: { kind: 'unknown-option', option: '--out' } });
  });

  it('finds commands of several words, the longest name first', () => {
    const registry = [stub('form'), stub('form check'), stub('merge')];
    expect(findCommand(registry, ['form', 'check', 'f.json'])?.command.name).toBe('form check');
    expect(findCommand(registry, ['form', 'f.json'])?.command.name).toBe('form');
    expect(findCommand(registry, ['export'])).toBeUndefined();
  });
});
