/** @jest-environment jsdom */
/**
 * The diverging bars that Resursfördelning and Jämför draw with: bars from one zero line, left for
 * a decrease and right for an increase, the axis ends with their unit, long labels cut with the
 * full label as the tooltip, and no SVG when there is nothing to draw.
 */
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { axisLabels, DivergingBarChart, type DivergingBarRow } from '../../../src/taskpane/components/charts/DivergingBarChart';

const LONG = 'Nämnden för arbetsmarknad, vuxenutbildning och integration i kommunen';

function draw(rows: readonly DivergingBarRow[], note?: string) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DivergingBarChart
        testId="chart"
        title="Förändring per nämnd"
        caption="Nu minus förut"
        series={[2027, 2028]}
        legendLabel="År"
        rows={rows}
        description="Beskrivning i ord"
        axisUnit={(value) => `${value} tkr`}
        note={note}
      />
    </FluentProvider>,
  );
}

describe('DivergingBarChart', () => {
  it('draws a decrease left of the zero line and an increase right of it, with the unit on both axis ends', () => {
    draw([
      { label: 'Barn- och utbildningsnämnden', values: [-20_000_000, 0] },
      { label: 'Vård- och omsorgsnämnden', values: [0, 25_000_000] },
    ]);
    const chart = screen.getByRole('img', { name: 'Förändring per nämnd' });
    expect(chart).toHaveAccessibleDescription('Beskrivning i ord');
    const zero = screen.getByTestId('chart-zero');
    const zeroX = Number(zero.getAttribute('x1'));
    const bar = (value: number) => chart.querySelector(`rect[data-value="${value}"]`)!;
    const decrease = bar(-20_000_000);
    expect(Number(decrease.getAttribute('x')) + Number(decrease.getAttribute('width'))).toBeCloseTo(zeroX, 1);
    expect(Number(bar(25_000_000).getAttribute('x'))).toBeCloseTo(zeroX, 1);
    expect(Number(bar(25_000_000).getAttribute('width'))).toBeGreaterThan(Number(decrease.getAttribute('width')));
    // The zero line runs through both groups.
    expect(Number(zero.getAttribute('y2'))).toBeGreaterThan(2 * 30);
    const axis = [...screen.getByTestId('chart-axis').querySelectorAll('text')].map((el) => (el.textContent ?? '').replace(/\s/g, ' '));
    expect(axis).toEqual(['−20 000 tkr', '0', '+25 000 tkr']);
    expect(screen.getByRole('list', { name: 'År' })).toHaveTextContent('20272028');
    expect(screen.getByTestId('chart')).toHaveAccessibleName('Förändring per nämnd');
    expect(screen.getByTestId('chart')).toHaveAccessibleDescription('Nu minus förut');
  });

  it('leaves out an end label that would run into the "0" beside it', () => {
    draw([{ label: 'Kommunstyrelsen', values: [-1_000_000, 45_000_000] }]);
    const axis = [...screen.getByTestId('chart-axis').querySelectorAll('text')].map((el) => (el.textContent ?? '').replace(/\s/g, ' '));
    expect(axis).toEqual(['0', '+45 000 tkr']);
  });

  it('cuts a long label with "…" and keeps the whole label as its tooltip', () => {
    draw([{ label: LONG, values: [1_000_000, 2_000_000] }]);
    const group = screen.getByRole('img').querySelector('g[data-board]')!;
    expect(group.getAttribute('data-board')).toBe(LONG);
    const text = group.querySelector('text')!;
    expect(text.querySelector('title')).toHaveTextContent(LONG);
    expect(text.textContent!.endsWith('…')).toBe(true);
    expect(text.textContent!.length).toBeLessThan(LONG.length * 2);
  });

  it('draws no SVG without rows but keeps the title, caption, legend and note', () => {
    draw([], 'Oförändrade: Kommunstyrelsen.');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByTestId('chart-title')).toHaveTextContent('Förändring per nämnd');
    expect(screen.getByTestId('chart-caption')).toHaveTextContent('Nu minus förut');
    expect(screen.getByText('Oförändrade: Kommunstyrelsen.')).toBeInTheDocument();
  });
});

describe('axisLabels', () => {
  it('names only the ends that exist: no negative end when nothing decreased', () => {
    const unit = (v: string) => `${v.replace(/\s/g, ' ')} tkr`;
    expect(axisLabels(0, 32_665_000, unit)).toEqual({ lo: null, zero: '0', hi: '+32 665 tkr' });
    expect(axisLabels(-1_000_000, 0, unit)).toEqual({ lo: '−1 000 tkr', zero: '0', hi: null });
  });
});
