/**
 * Keyboard-first movement through the questionnaire: every question carries `data-question`
 * and `data-path`, so focus can go to "the next question" or "that question" without refs.
 */
import type { KeyboardEvent } from 'react';

const controlSelector = [
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'button:not([disabled])',
].join(', ');

/** The control a keyboard user expects first: a group's checked radio, else the first control. */
export function firstControl(container: Element): HTMLElement | null {
  const first = container.querySelector<HTMLElement>(controlSelector);
  if (first instanceof HTMLInputElement && first.type === 'radio') {
    const checked = container.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(first.name)}"]:checked`);
    if (checked) return checked;
  }
  return first;
}

/** Focuses the first control of the question at `path`; false when it is not on screen. */
export function focusQuestion(root: ParentNode | null, path: string): boolean {
  const question = root?.querySelector(`[data-path="${CSS.escape(path)}"]`);
  const control = question ? firstControl(question) : null;
  if (!control) return false;
  control.focus();
  return true;
}

/** On to the next question of the section, or to the "next section" button after the last one. */
export function focusNextQuestion(from: HTMLElement): void {
  const section = from.closest('[data-fill-section]');
  const current = from.closest('[data-question]');
  if (!section || !current) return;
  const questions = [...section.querySelectorAll('[data-question]')];
  for (const next of questions.slice(questions.indexOf(current) + 1)) {
    if (current.contains(next)) continue;
    const control = firstControl(next);
    if (control) {
      control.focus();
      return;
    }
  }
  section.querySelector<HTMLElement>('[data-next-section]')?.focus();
}

/** Enter in a one-line field moves on; it never submits anything. */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  focusNextQuestion(event.currentTarget);
}

/** True when focus moves to somewhere outside `container` (or leaves the page). */
export function isLeaving(container: Element, next: EventTarget | null): boolean {
  return !(next instanceof Node && container.contains(next));
}
