/**
 * Where focus goes when a section is drawn: to a question asked for (resuming at the last
 * question, or following a link to a missing answer), else to the section's heading when the
 * researcher moved to another section, so keyboard and screen-reader users follow.
 */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { navigate } from '../../app/router';
import { focusQuestion } from './focus';

export function useSectionFocus(rootRef: RefObject<HTMLElement | null>, id: string, section: string, resumePath: string) {
  const pending = useRef<string | null>(resumePath === '' ? null : resumePath);
  const drawn = useRef<string | null>(null);

  useEffect(() => {
    const root = rootRef.current;
    const path = pending.current;
    pending.current = null;
    if (path !== null && focusQuestion(root, path)) {
      drawn.current = section;
      return;
    }
    // The first drawing keeps focus where the app put it; later section changes move it here.
    if (drawn.current !== null && drawn.current !== section) root?.querySelector<HTMLElement>('[data-section-heading]')?.focus();
    drawn.current = section;
  }, [rootRef, section]);

  /** Shows the question at `path` (in `target` section) and puts focus on it. */
  return useCallback((path: string, target: string) => {
    if (target === section) {
      focusQuestion(rootRef.current, path);
      return;
    }
    pending.current = path;
    navigate({ screen: 'fill', id, section: target });
  }, [rootRef, id, section]);
}
