/**
 * Numbers in the Resursfördelning section. Amounts are always written the Swedish way (as in the
 * workbook, the result tab and the core's messages), in either UI language.
 */
import { formatNumberSv } from '../../../core/text/numbers';

const PERCENT = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 2 });

/** Integer kronor as tkr with one decimal: "1 048 565,0", "−6 295,0". */
export function tkrText(kronor: number): string {
  return formatNumberSv(kronor / 1000, 1);
}

/** Integer kronor as whole tkr, for axis labels: "45 000". */
export function wholeTkrText(kronor: number): string {
  return formatNumberSv(kronor / 1000, 0);
}

/** A fraction as a Swedish percentage with up to two decimals: "2,8 %", "2,75 %". */
export function percentText(fraction: number): string {
  return PERCENT.format(fraction);
}
