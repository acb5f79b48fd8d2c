/** Jämför versioner: what changed between two versions of a budget workbook (pure, no IO). */
export { compareVersions, hasDifferences } from './compare';
export type { BoardChange, BoardRename, FollowUpInputChange, FollowUpTabChange, InputValue, RowAmount, RowChange, VersionData, VersionDiff, YearAmounts } from './types';
