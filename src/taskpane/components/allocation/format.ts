/**
 * Numbers in the Resursfördelning section. Amounts are always written the Swedish way (as in the
 * workbook, the result tab and the core's messages), in either UI language.
 */
import { formatNumberSv } from '../../../core/text/numbers';
import { roundTkr } from '../../format/tkr';

const PERCENT = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 2 });

/** Integer kronor as tkr under the pane's rounding rule (format/tkr.ts): "1 048 565", "−6 295", "0,4". */
export function tkrText(kronor: number): string {
  const { value, decimals } = roundTkr(kronor);
  return decimals === 0 ? formatNumberSv(value, 0) : new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** Integer kronor as whole tkr, for axis labels: "45 000". */
export function wholeTkrText(kronor: number): string {
  return formatNumberSv(kronor / 1000, 0);
}

/** A fraction as a Swedish percentage with up to two decimals: "2,8 %", "2,75 %". */
export function percentText(fraction: number): string {
  return PERCENT.format(fraction);
}
