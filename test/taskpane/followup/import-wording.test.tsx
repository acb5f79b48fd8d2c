/** @jest-environment jsdom */
/**
 * The note where tabs cannot be imported names the host it is shown in (the playground is not
 * "this version of Excel") and its command-line example compiles the report that is selected.
 */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ImportTabs } from '../../../src/taskpane/components/followup/ImportTabs';
import { I18nContext, makeI18n } from '../../../src/taskpane/i18n';

function renderNote(embedded: boolean, report: 'april' | 'august' | 'december') {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={makeI18n('sv', () => undefined)}>
        <ImportTabs service={undefined} busy={false} onFiles={() => undefined} report={report} embedded={embedded} />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return screen.getByTestId('followup-import-unsupported');
}

describe('the import note', () => {
  it('in the playground: names the playground, not a version of Excel, and uses the selected report', () => {
    const note = renderNote(true, 'december');
    expect(note).toHaveTextContent('Lekplatsen kan inte hämta in flikar från andra arbetsböcker');
    expect(note).not.toHaveTextContent('Den här versionen av Excel');
    expect(note).not.toHaveTextContent('ExcelApi');
    expect(screen.getByTestId('followup-import-command')).toHaveTextContent('budgetkoll consolidate nämnd1.xlsx nämnd2.xlsx --report december -o ks.xlsx');
  });

  it('in an Excel without ExcelApi 1.13: says so, with the selected report', () => {
    const note = renderNote(false, 'april');
    expect(note).toHaveTextContent('Den här versionen av Excel kan inte hämta in flikar');
    expect(screen.getByTestId('followup-import-command')).toHaveTextContent('--report april');
  });
});
