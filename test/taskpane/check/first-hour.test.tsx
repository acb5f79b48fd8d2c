/** @jest-environment jsdom */
/**
 * What a controller meets in the first hour of Kontrollera budget: the rule id is a small caption
 * after the message (data-rule stays), "N fel – visa" moves the focus to the first error, the
 * verdict does not ask to review warnings there are none of, and unchecked radios and
 * checkboxes read as enabled (normal text colour).
 */
import '@testing-library/jest-dom';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CheckSection } from '../../../src/taskpane/components/check/CheckSection';
import { I18nContext, makeI18n } from '../../../src/taskpane/i18n';
import { BROKEN_CASES, cleanWorkbook, type Sheets } from '../../fixtures/broken-cases';
import '../jsdom-layout';
import { SheetsPort } from './sheets-port';

configure({ asyncUtilTimeout: 8000 });
jest.setTimeout(60_000);

function workbookWith(...rules: string[]): Sheets {
  const sheets = cleanWorkbook();
  for (const rule of rules) BROKEN_CASES.find((x) => x.rule === rule)!.mutate(sheets);
  return sheets;
}

async function check(sheets: Sheets) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n('sv', () => undefined)}>
        <CheckSection port={new SheetsPort(sheets)} now={() => new Date(2027, 8, 15, 14, 5)} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Kontrollera' }));
  await screen.findByTestId('check-summary');
  return user;
}

const finding = (rule: string) => screen.getAllByTestId('finding').find((el) => el.getAttribute('data-rule') === rule)!;

describe('Kontrollera in the first hour', () => {
  it('shows the rule id as a muted caption after the message, not in the finding’s top line', async () => {
    await check(workbookWith('RAM-OVER'));
    const item = finding('RAM-OVER');
    const button = within(item).getByRole('button', { name: /Ramar!C2/ });
    expect(button).not.toHaveTextContent('RAM-OVER');
    const rule = within(item).getByTestId('rule-id');
    expect(rule).toHaveTextContent('Regel: RAM-OVER');
    // After the message and the how-to-fix text.
    expect(button.compareDocumentPosition(rule) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(item).toHaveAttribute('data-rule', 'RAM-OVER');
  });

  it('"2 fel – visa" moves the focus to the first error, showing errors again if they were filtered away', async () => {
    const user = await check(workbookWith('CELL-TEXT-NUMBER', 'RAM-OVER', 'IK-MISSING'));
    const link = screen.getByTestId('first-error-link');
    expect(link).toHaveTextContent('2 fel – visa');
    await user.click(link);
    const firstError = screen.getAllByTestId('finding').find((el) => el.getAttribute('data-severity') === 'error')!;
    expect(within(firstError).getAllByRole('button')[0]).toHaveFocus();

    await user.click(screen.getByRole('checkbox', { name: 'Fel (2)' }));
    expect(screen.getAllByTestId('finding').some((el) => el.getAttribute('data-severity') === 'error')).toBe(false);
    await user.click(screen.getByTestId('first-error-link'));
    expect(screen.getByRole('checkbox', { name: 'Fel (2)' })).toBeChecked();
    const again = screen.getAllByTestId('finding').find((el) => el.getAttribute('data-severity') === 'error')!;
    expect(within(again).getAllByRole('button')[0]).toHaveFocus();
  });

  it('with only information: no "Se över varningarna", and no link to errors', async () => {
    await check(workbookWith('VOL-FORECAST-MISS'));
    const summary = screen.getByTestId('check-summary');
    expect(summary).toHaveTextContent('Inga fel eller varningar: arbetsboken kan lämnas in.');
    expect(summary).not.toHaveTextContent('Se över varningarna');
    expect(screen.queryByTestId('first-error-link')).toBeNull();
  });

  it('with warnings: asks to review them', async () => {
    await check(workbookWith('OVR-NO-DESCRIPTION'));
    expect(screen.getByTestId('check-summary')).toHaveTextContent('Inga fel: arbetsboken kan lämnas in. Se över varningarna.');
  });

  it('draws unchecked radio labels in the normal text colour, not Fluent’s muted one', async () => {
    await check(workbookWith('RAM-OVER'));
    const unchecked = screen.getByRole('radio', { name: 'Nämnd' });
    expect(unchecked).not.toBeChecked();
    const root = unchecked.closest('.fui-Radio')!;
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText.replace(/\s+/g, '')));
    const classes = [...root.classList].filter((c) => rules.includes(`.${c}input:enabled:not(:checked)~.fui-Radio__label{color:var(--colorNeutralForeground1);}`));
    expect(classes.length).toBeGreaterThan(0);
  });

  it('draws unchecked checkbox labels in the normal text colour too, for enabled boxes only', async () => {
    const user = await check(workbookWith('RAM-OVER'));
    const box = screen.getByRole('checkbox', { name: 'Fel (1)' });
    await user.click(box);
    expect(box).not.toBeChecked();
    const root = box.closest('.fui-Checkbox')!;
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText.replace(/\s+/g, '')));
    const classes = [...root.classList].filter((c) => rules.includes(`.${c}input:enabled~.fui-Checkbox__label{color:var(--colorNeutralForeground1);}`));
    expect(classes.length).toBeGreaterThan(0);
  });
});
