/** @jest-environment jsdom */
import {
  containerName,
  createLocalSettingsStore,
  createMemorySettingsStore,
  createOfficeSettingsStore,
} from '../../src/taskpane/settings-store';

beforeEach(() => window.localStorage.clear());

describe('local settings store', () => {
  it('remembers the language across stores', async () => {
    await createLocalSettingsStore(window.localStorage).save({ language: 'en' });
    expect(await createLocalSettingsStore(window.localStorage).load()).toEqual({ language: 'en' });
  });

  it('remembers the name last typed under Lämna in', async () => {
    await createLocalSettingsStore(window.localStorage).save({ submitter: 'Anna Andersson' });
    expect(await createLocalSettingsStore(window.localStorage).load()).toMatchObject({ submitter: 'Anna Andersson' });
  });

  it('ignores values that are not a known language', async () => {
    window.localStorage.setItem('budgetkoll.language', 'fi');
    expect(await createLocalSettingsStore(window.localStorage).load()).toEqual({});
  });

  it('survives storage that throws', async () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    const store = createLocalSettingsStore(broken);
    await expect(store.save({ language: 'en' })).resolves.toBeUndefined();
    await expect(store.load()).resolves.toEqual({});
  });
});

describe('Office settings store', () => {
  it('keeps settings in office-js-helpers Storage under a container named from the partition key', async () => {
    const store = createOfficeSettingsStore('tenant/Abc.1', createMemorySettingsStore());
    await store.save({ language: 'en' });
    expect(window.localStorage.getItem('@budgetkoll-tenant_Abc_1/language')).toBe('"en"');
    const again = createOfficeSettingsStore('tenant/Abc.1', createMemorySettingsStore());
    expect(await again.load()).toEqual({ language: 'en' });
  });

  it('keeps partitions apart', async () => {
    await createOfficeSettingsStore('a', createMemorySettingsStore()).save({ language: 'en' });
    expect(await createOfficeSettingsStore('b', createMemorySettingsStore()).load()).toEqual({});
  });

  it('loads the helpers once, lazily', async () => {
    const load = jest.fn(async () => {
      const values = new Map<string, unknown>();
      return class {
        get(key: string) {
          return values.get(key);
        }
        set(key: string, value: unknown) {
          values.set(key, value);
        }
      };
    });
    const store = createOfficeSettingsStore(undefined, createMemorySettingsStore(), load);
    expect(load).not.toHaveBeenCalled();
    await store.save({ language: 'en' });
    expect(await store.load()).toEqual({ language: 'en' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('falls back when the helpers cannot be loaded', async () => {
    const fallback = createMemorySettingsStore();
    const store = createOfficeSettingsStore('x', fallback, async () => {
      throw new Error('chunk failed');
    });
    await store.save({ language: 'en' });
    expect(fallback.saved).toEqual({ language: 'en' });
    expect(await store.load()).toEqual({ language: 'en' });
  });

  it('names the container without a partition key', () => {
    expect(containerName(undefined)).toBe('budgetkoll');
    expect(containerName('')).toBe('budgetkoll');
  });
});
