/**
 * @jest-environment jsdom
 */
/**
 * Uppföljning with a name spelt with an invisible difference (KEY-SPELLING-VARIANT): the create and
 * compile buttons are disabled, the reason is shown with a link to each cell, and one click corrects
 * the cells (the quick fix) and reads the workbook again, after which creating is possible.
 */
import '@testing-library/jest-dom';
import { configure, waitFor, within } from '@testing-library/react';
import { readFollowUp } from '../../../src/core/followup';
import '../jsdom-layout';
import { renderFollowUp } from './render-follow-up';
import { SamplePort } from './sample-port';

configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(60000);

test('a name with a trailing space blocks creating tabs, says why and links to the cell', async () => {
  const port = await SamplePort.create();
  await port.writeCells([{ sheet: 'Driftbudget', cell: 'A3', value: 'Kommunstyrelsen ' }]);
  const { panel, user } = renderFollowUp(port);
  await user.click(within(panel).getByRole('button', { name: 'Läs in arbetsboken' }));
  const blocked = await within(panel).findByTestId('followup-blocked');
  expect(blocked).toHaveTextContent(/1 namn i Driftbudget eller Utfall har en osynlig skillnad/);
  await user.click(within(panel).getByRole('checkbox', { name: 'Kommunstyrelsen' }));
  expect(within(panel).getByRole('button', { name: /^Skapa uppföljningsflik/ })).toBeDisabled();
  expect(within(panel).getByRole('button', { name: 'Sammanställ för KS' })).toBeDisabled();
  await user.click(within(blocked).getByRole('button', { name: 'Gå till Driftbudget!A3' }));
  expect(port.selected).toContain('Driftbudget!A3');

  // One click applies the quick fix to every blocking cell and reads the workbook again.
  await user.click(within(blocked).getByRole('button', { name: 'Rätta stavningen' }));
  expect(await within(panel).findByTestId('followup-outcome')).toHaveTextContent('Rättade stavningen. Ändrade celler: 1.');
  await waitFor(() => expect(within(panel).queryByTestId('followup-blocked')).toBeNull());
  const { model } = await readFollowUp(port);
  expect(model.operatingBudget[0].board).toBe('Kommunstyrelsen');
  expect(model.findings.filter((f) => f.rule === 'KEY-SPELLING-VARIANT')).toEqual([]);
  expect(within(panel).getByRole('button', { name: /^Skapa uppföljningsflik/ })).toBeEnabled();
});
