/** @jest-environment jsdom */
/**
 * Focus after an action (use-focus-result.ts): the pressed button is disabled while the action
 * runs and the browser drops focus to <body>; when the action ends, focus moves to its result — a
 * notice first, else the result's heading — but never away from where the user has moved it.
 */
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { useFocusResult } from '../../src/taskpane/components/use-focus-result';

function Section({ outcome }: { outcome: 'notice' | 'heading' | 'none' }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const ref = useFocusResult(busy);
  return (
    <div ref={ref}>
      <button disabled={busy} onClick={() => setBusy(true)}>
        Kör
      </button>
      <button onClick={() => (setBusy(false), setDone(true))}>Klart</button>
      <input aria-label="annat" />
      {done && outcome !== 'none' && (
        <h3 data-focus-result="heading" tabIndex={-1}>
          Resultat
        </h3>
      )}
      {done && outcome === 'notice' && (
        <div role="status" data-focus-result="notice" tabIndex={-1}>
          Skapade fliken
        </div>
      )}
    </div>
  );
}

async function press(name: string) {
  await act(async () => screen.getByRole('button', { name }).click());
}

/** What a browser does when the focused button becomes disabled. */
function dropFocus() {
  (document.activeElement as HTMLElement | null)?.blur();
}

describe('focus after an action', () => {
  it('moves to the notice when one is shown, before the heading', async () => {
    render(<Section outcome="notice" />);
    await press('Kör');
    dropFocus();
    await press('Klart');
    await act(async () => new Promise<void>((r) => requestAnimationFrame(() => r())));
    expect(document.activeElement).toBe(screen.getByRole('status'));
  });

  it('moves to the heading when there is no notice', async () => {
    render(<Section outcome="heading" />);
    await press('Kör');
    dropFocus();
    await press('Klart');
    await act(async () => new Promise<void>((r) => requestAnimationFrame(() => r())));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Resultat' }));
  });

  it('leaves focus where the user moved it during the action', async () => {
    render(<Section outcome="notice" />);
    await press('Kör');
    const other = screen.getByRole('textbox', { name: 'annat' });
    other.focus();
    await press('Klart');
    other.focus();
    await act(async () => new Promise<void>((r) => requestAnimationFrame(() => r())));
    expect(document.activeElement).toBe(other);
  });
});
