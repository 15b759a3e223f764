/** The five-point scale and its two answers outside the scale, named and keyed the same everywhere. */
import type { TFunction } from 'i18next';
import type { KeyboardEvent } from 'react';
import { likertScalePoints, type LikertCode } from '../../../../core/forms/answers';

export const scalePoints = likertScalePoints;
export const outsideCodes = ['dk', 'refused'] as const satisfies readonly LikertCode[];

/** The words under a point: only the ends of the scale have them. */
export function anchorOf(t: TFunction, code: LikertCode): string | undefined {
  if (code === '1') return t('fill.likert.notAtAll');
  if (code === '5') return t('fill.likert.completely');
  return undefined;
}

/** The full name of an answer, for a control that shows only a number or an abbreviation. */
export function likertName(t: TFunction, code: LikertCode): string {
  if (code === 'dk') return t('fill.likert.dk');
  if (code === 'refused') return t('fill.likert.refused');
  const anchor = anchorOf(t, code);
  return anchor ? `${code} — ${anchor}` : code;
}

/**
 * Keys 1 to 5 choose a point when focus is anywhere in the row; returns the chosen point and
 * moves focus to its radio.
 */
export function pointFromKey(event: KeyboardEvent<HTMLElement>): LikertCode | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return null;
  if (target instanceof HTMLInputElement && target.type !== 'radio') return null;
  const point = scalePoints.find((p) => p === event.key);
  if (!point) return null;
  event.preventDefault();
  event.currentTarget.querySelector<HTMLInputElement>(`input[type="radio"][value="${point}"]`)?.focus();
  return point;
}
