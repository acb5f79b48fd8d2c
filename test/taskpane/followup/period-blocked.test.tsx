/**
 * @jest-environment jsdom
 */
/**
 * Uppföljning with a Utfall period typed as "2027/01" (UTF-PERIOD-FORM): the same block as for
 * names with invisible differences — create and compile disabled, the reason with a link to the
 * cell — and one click writes the period as "YYYY-MM" and reads the workbook again.
 */
import '@testing-library/jest-dom';
import { configure, waitFor, within } from '@testing-library/react';
import { readFollowUp } from '../../../src/core/followup';
import '../jsdom-layout';
import { renderFollowUp } from './render-follow-up';
import { SamplePort } from './sample-port';

configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(60000);

test('a Utfall period typed as "2027/01" blocks creating tabs, says why, links to the cell and is fixed in one click', async () => {
  const port = await SamplePort.create();
  const { model: before } = await readFollowUp(port);
  const first = before.actuals[0];
  const layout = before.layouts.utfall!;
  const cell = `D${first.row + 1}`;
  expect(layout.columns.period).toBe(3);
  const typed = `${first.period.slice(0, 4)}/${first.period.slice(5)}`;
  await port.writeCells([{ sheet: first.sheet, cell, value: typed }]);
  const { panel, user } = renderFollowUp(port);
  await user.click(within(panel).getByRole('button', { name: 'Läs in arbetsboken' }));
  const blocked = await within(panel).findByTestId('followup-blocked');
  expect(blocked).toHaveTextContent(/Perioder i Utfall är inte skrivna som ”ÅÅÅÅ-MM”.*antal celler: 1\./);
  expect(blocked).not.toHaveTextContent(/osynlig skillnad/);
  await user.click(within(panel).getByRole('checkbox', { name: 'Kommunstyrelsen' }));
  expect(within(panel).getByRole('button', { name: /^Skapa uppföljningsflik/ })).toBeDisabled();
  expect(within(panel).getByRole('button', { name: 'Sammanställ för KS' })).toBeDisabled();
  await user.click(within(blocked).getByRole('button', { name: `Gå till ${first.sheet}!${cell}` }));
  expect(port.selected).toContain(`${first.sheet}!${cell}`);

  await user.click(within(blocked).getByRole('button', { name: 'Skriv perioderna som ÅÅÅÅ-MM' }));
  expect(await within(panel).findByTestId('followup-outcome')).toHaveTextContent('Skrev perioderna som ÅÅÅÅ-MM. Ändrade celler: 1.');
  await waitFor(() => expect(within(panel).queryByTestId('followup-blocked')).toBeNull());
  const { model } = await readFollowUp(port);
  expect(model.findings.filter((f) => f.rule === 'UTF-PERIOD-FORM')).toEqual([]);
  expect(model.actuals[0].period).toBe(first.period);
  expect(within(panel).getByRole('button', { name: /^Skapa uppföljningsflik/ })).toBeEnabled();
});
