import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings, SettingsStore } from './settings-store';

/**
 * A setting's value, `initial` until the saved one is loaded from `settings`. The returned setter is
 * the user's choice: a choice made before the saved value arrives wins over it. Saving is the
 * caller's (the language is saved when chosen, the submitter's name when a submission is made).
 */
export function useLoadedSetting<K extends keyof Settings>(settings: SettingsStore, key: K, initial: Settings[K]): [Settings[K], (value: Settings[K]) => void] {
  const [value, setValue] = useState<Settings[K]>(initial);
  const chosen = useRef(false);

  useEffect(() => {
    let live = true;
    void settings.load().then((saved) => {
      const loaded = saved[key];
      if (live && !chosen.current && loaded) setValue(loaded as Settings[K]);
    });
    return () => {
      live = false;
    };
  }, [settings, key]);

  const choose = useCallback((next: Settings[K]) => {
    chosen.current = true;
    setValue(next);
  }, []);

  return [value, choose];
}
