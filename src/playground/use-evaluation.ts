/**
 * The formula engine's values for the grid: the workbook is evaluated after every open and every
 * write (each `revision`); a newer revision wins, and one workbook's values never show on another.
 */
import { useEffect, useState } from 'react';
import { isWorkbookError, type WorkbookReader } from '../core/workbook/port';
import type { Evaluation } from './engine/evaluation';

/** Evaluates the workbook's formulas (the real one: IronCalc in a worker, see engine/). */
export type PlaygroundEvaluator = (port: WorkbookReader) => Promise<Evaluation>;

export function useEvaluation(port: WorkbookReader | null, revision: number, evaluator: PlaygroundEvaluator | undefined): { evaluation: Evaluation | null; evaluating: boolean } {
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  const [evaluating, setEvaluating] = useState(false);

  useEffect(() => {
    if (!port || !evaluator) return;
    let live = true;
    setEvaluating(true);
    evaluator(port)
      .then((result) => {
        if (live) setEvaluation(result);
      })
      .catch((e) => {
        if (!isWorkbookError(e)) console.error(e);
      })
      .finally(() => {
        if (live) setEvaluating(false);
      });
    return () => {
      live = false;
    };
  }, [port, revision, evaluator]);

  // The evaluation of the previous workbook is not shown on another one.
  useEffect(() => setEvaluation(null), [port]);

  return { evaluation, evaluating };
}
