/**
 * Importing other nämnder's follow-up tabs into this workbook (for the KS sammanställning). Excel
 * can do it from ExcelApi 1.13 (insertWorksheetsFromBase64); the composition root says whether
 * this host can, and the section says plainly when it cannot.
 */

/**
 * Something the user should know about tabs that were imported: `web-objects-left-out` — Excel on
 * the web does not insert charts, comments, PivotTables or slicers with the tabs.
 */
export type ImportNote = 'web-objects-left-out';

/** What one file gave: the names of the tabs inserted (as they are now in this workbook). */
export interface ImportedFile {
  file: string;
  sheets: string[];
  notes?: ImportNote[];
}

export interface FollowUpImportService {
  /** True when this host can insert worksheets from another workbook file. */
  supported: boolean;
  /** Inserts the owned follow-up tabs of each file; resolves to the names of the tabs inserted. */
  importFiles(files: readonly File[]): Promise<ImportedFile[]>;
}
