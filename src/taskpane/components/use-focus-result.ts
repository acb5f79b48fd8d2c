/**
 * Keyboard focus after an action (Kontrollera, Läs in, Skapa, Skriv …): the button that was pressed
 * is disabled while the action runs, so the browser drops focus to <body>, and the next Tab leaves
 * the pane. When the action ends with focus lost, focus moves to its result inside the section:
 * the outcome, notice or error message if one is shown (`data-focus-result="notice"`), otherwise the
 * result's heading (`data-focus-result="heading"`). Focus the user has moved elsewhere (the grid, an
 * other control) is left where it is. Targets get tabIndex -1 so they can take focus.
 */
import { useEffect, useRef, type RefObject } from 'react';

/** How long to wait for a lazily loaded result view to appear before giving up. */
const WAIT_MS = 2000;

export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || (active instanceof HTMLElement && (active as HTMLButtonElement).disabled === true);
}

/** The element to focus in `section`: a notice first, else a result heading; null when none yet. */
export function focusTarget(section: HTMLElement): HTMLElement | null {
  return section.querySelector<HTMLElement>('[data-focus-result="notice"]') ?? section.querySelector<HTMLElement>('[data-focus-result="heading"]');
}

/** Returns the ref for the section's root element; `busy` is true while an action of the section runs. */
export function useFocusResult<T extends HTMLElement = HTMLDivElement>(busy: boolean): RefObject<T | null> {
  const section = useRef<T | null>(null);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (busy) {
      wasBusy.current = true;
      return;
    }
    if (!wasBusy.current) return;
    wasBusy.current = false;
    let frame = 0;
    const started = performance.now();
    const tryFocus = () => {
      const root = section.current;
      if (!root || !focusLost()) return;
      const target = focusTarget(root);
      if (target) target.focus();
      else if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => cancelAnimationFrame(frame);
  }, [busy]);
  return section;
}
