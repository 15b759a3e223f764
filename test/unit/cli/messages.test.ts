import { describe, expect, it } from 'vitest';
import { commands } from '../../../cli/commands';
import { en, fr } from '../../../cli/i18n/messages';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('CLI message catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const catalogue of [en, fr]) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(fr[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('give every command a summary in both languages', () => {
    for (const command of commands) {
      expect(command.summary.en.trim(), command.name).not.toBe('');
      expect(command.summary.fr.trim(), command.name).not.toBe('');
    }
  });
});
