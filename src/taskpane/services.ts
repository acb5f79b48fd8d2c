/**
 * What the task pane needs from the outside, handed in by a composition root (Excel or the
 * playground) so components never touch Excel.run or ExcelJS and tests can pass fakes.
 */
import type { AnnualCycleConfig } from '../core/calendar/annual-cycle';
import type { SheetSpec } from '../core/workbook/sheet-spec';
import type { WorkbookPort } from '../core/workbook/port';
import type { FollowUpImportService } from '../core/followup/import-service';

export interface TemplateServices {
  /** The blank standard template: one formatted tab per input. */
  blankTemplate(options: { year: number; kommun?: string }): Promise<SheetSpec[]>;
  /** The sample workbook's tabs (realistic, made-up figures) for a budget year. */
  sampleWorkbook(options: { year: number }): Promise<SheetSpec[]>;
}

/** A selected range: its sheet and A1 address without the sheet ("A4:F212", "C5"). */
export interface SelectedRange {
  sheet: string;
  address: string;
}

/** The user's selection in the workbook (Koppla indata's "Använd markeringen"). */
export interface SelectionService {
  /** The selected range, or null when nothing usable is selected (a chart, several areas). */
  selectedRange(): Promise<SelectedRange | null>;
}

export interface TaskPaneServices {
  port: WorkbookPort;
  templates: TemplateServices;
  /** The clock, injectable so the årshjul can be tested on any day. */
  today(): Date;
  /** The kommun's årshjul settings (KF's decision month); defaults when absent. */
  annualCycle?: AnnualCycleConfig;
  /** Importing other workbooks' follow-up tabs (Excel with ExcelApi 1.13); absent where the host cannot. */
  followUpImport?: FollowUpImportService;
  /** The selection in the workbook; absent where the host has none to offer. */
  selection?: SelectionService;
}

/**
 * The real builders, loaded on first use: they are not needed to show the task pane, so they
 * stay out of its initial JavaScript.
 */
export const defaultTemplateServices: TemplateServices = {
  async blankTemplate(options) {
    const { templateSheets } = await import(/* webpackChunkName: "templates" */ '../jobs/template');
    return templateSheets(options);
  },
  async sampleWorkbook(options) {
    const { generateSample, sampleToSheetSpecs } = await import(/* webpackChunkName: "sample" */ '../core/sample');
    return sampleToSheetSpecs(generateSample({ year: options.year }));
  },
};
