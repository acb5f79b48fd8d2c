/** The line under the grid saying how the formulas were computed: by IronCalc, in part, or not at all. */
import { Caption1 } from '@fluentui/react-components';
import { formatNumberSv } from '../core/text/numbers';
import type { Evaluation } from './engine/evaluation';

const ENGINE_TEXTS = {
  sv: {
    evaluating: 'Räknar formlerna …',
    evaluated: (ms: string) => `Formlerna räknade av IronCalc (${ms} ms)`,
    notEvaluated: (n: string) => `${n} formelceller kunde inte räknas av IronCalc och visar filens sparade värde (markerade)`,
    tooLarge: (cells: string) => `Arbetsboken är för stor för att räknas om i lekplatsen (${cells} celler); formlerna visar värdena som sparats i filen (markerade)`,
  },
  en: {
    evaluating: 'Calculating the formulas …',
    evaluated: (ms: string) => `Formulas calculated by IronCalc (${ms} ms)`,
    notEvaluated: (n: string) => `${n} formula cells could not be calculated by IronCalc and show the file's saved value (marked)`,
    tooLarge: (cells: string) => `The workbook is too large to recalculate in the playground (${cells} cells); formulas show the values saved in the file (marked)`,
  },
};

/** The status text: empty while no evaluation has finished yet. */
function statusText(language: string, evaluation: Evaluation | null, evaluating: boolean): string {
  const texts = ENGINE_TEXTS[language === 'sv' ? 'sv' : 'en'];
  if (evaluating) return texts.evaluating;
  if (!evaluation) return '';
  if (evaluation.tooLarge) return texts.tooLarge(formatNumberSv(evaluation.tooLarge.cells));
  if (evaluation.notEvaluated > 0) return texts.notEvaluated(formatNumberSv(evaluation.notEvaluated));
  return texts.evaluated(formatNumberSv(Math.round(evaluation.timing.total)));
}

export function EngineStatus({ className, language, evaluation, evaluating }: { className: string; language: string; evaluation: Evaluation | null; evaluating: boolean }) {
  return (
    <Caption1 className={className} data-testid="engine-status" data-state={evaluating ? 'evaluating' : evaluation ? 'done' : 'waiting'}>
      {statusText(language, evaluation, evaluating)}
    </Caption1>
  );
}
