/**
 * Remembers the user's settings: the language, and the name last typed under Lämna in. Inside Office the values live in
 * office-js-helpers' `Storage` under a container named from `Office.context.partitionKey`, as
 * Microsoft advises for partitioned localStorage in Office on the web; in the playground plain
 * localStorage is enough.
 *
 * This is the only module that references @microsoft/office-js-helpers. The package is deprecated
 * and ~55 KiB that cannot be tree-shaken, so it is imported lazily — never in the initial bundle —
 * and can be replaced here alone.
 */
import { isLanguage, type Language } from './i18n';

export interface Settings {
  language: Language;
  /** The name last typed under Lämna in (Excel's API offers no user display name). */
  submitter: string;
}

export interface SettingsStore {
  /** The saved settings; missing or unreadable values are left out. Never rejects. */
  load(): Promise<Partial<Settings>>;
  /** Saves the given values; a storage failure is swallowed (a preference is not worth an error). */
  save(settings: Partial<Settings>): Promise<void>;
}

const KEY_PREFIX = 'budgetkoll.';
const CONTAINER_BASE = 'budgetkoll';

/** Only what the store needs of window.localStorage (or a fake in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function pickSettings(read: (key: keyof Settings) => unknown): Partial<Settings> {
  const result: Partial<Settings> = {};
  const language = read('language');
  if (isLanguage(language)) result.language = language;
  const submitter = read('submitter');
  if (typeof submitter === 'string') result.submitter = submitter;
  return result;
}

/** Settings in localStorage (the playground, or Office when the helpers cannot load). */
export function createLocalSettingsStore(storage: KeyValueStorage | null): SettingsStore {
  return {
    async load() {
      if (!storage) return {};
      try {
        return pickSettings((key) => storage.getItem(KEY_PREFIX + key));
      } catch {
        return {};
      }
    },
    async save(settings) {
      if (!storage) return;
      try {
        for (const [key, value] of Object.entries(settings)) {
          if (value !== undefined) storage.setItem(KEY_PREFIX + key, String(value));
        }
      } catch {
        // Storage full or disabled (private mode): the setting lasts for this session only.
      }
    },
  };
}

/**
 * The helpers' Storage container for this add-in instance. The partition key is opaque; the
 * helpers build a RegExp from the container name, so only safe characters are kept.
 */
export function containerName(partitionKey: string | undefined | null): string {
  if (!partitionKey) return CONTAINER_BASE;
  return `${CONTAINER_BASE}-${partitionKey.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

interface HelpersStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
}

type HelpersStorageConstructor = new (container: string) => HelpersStorage;

/** Loads the helpers' Storage class on first use. Injectable for tests. */
export type LoadHelpersStorage = () => Promise<HelpersStorageConstructor>;

const loadHelpersStorage: LoadHelpersStorage = async () => {
  const helpers = (await import(
    /* webpackChunkName: "office-js-helpers" */ '@microsoft/office-js-helpers'
  )) as unknown as { Storage?: HelpersStorageConstructor; default?: { Storage?: HelpersStorageConstructor } };
  const StorageClass = helpers.Storage ?? helpers.default?.Storage;
  if (!StorageClass) throw new Error('office-js-helpers has no Storage');
  return StorageClass;
};

/**
 * Settings inside Office: office-js-helpers' Storage, loaded on the first load/save. Falls back to
 * `fallback` when the helpers cannot be loaded (for example a chunk that failed to download).
 */
export function createOfficeSettingsStore(
  partitionKey: string | undefined | null,
  fallback: SettingsStore,
  load: LoadHelpersStorage = loadHelpersStorage,
): SettingsStore {
  let storage: Promise<HelpersStorage | null> | null = null;
  const open = (): Promise<HelpersStorage | null> => {
    storage ??= load()
      .then((StorageClass) => new StorageClass(containerName(partitionKey)))
      .catch(() => null);
    return storage;
  };
  return {
    async load() {
      const store = await open();
      if (!store) return fallback.load();
      try {
        return pickSettings((key) => store.get(key));
      } catch {
        return {};
      }
    },
    async save(settings) {
      const store = await open();
      if (!store) return fallback.save(settings);
      try {
        for (const [key, value] of Object.entries(settings)) {
          if (value !== undefined) store.set(key, value);
        }
      } catch {
        // As in the local store: a preference that cannot be saved lasts for this session.
      }
    },
  };
}

/** A store that keeps settings in memory only (tests, or storage unavailable). */
export function createMemorySettingsStore(initial: Partial<Settings> = {}): SettingsStore & { saved: Partial<Settings> } {
  const saved: Partial<Settings> = { ...initial };
  return {
    saved,
    async load() {
      return { ...saved };
    },
    async save(settings) {
      Object.assign(saved, settings);
    },
  };
}
