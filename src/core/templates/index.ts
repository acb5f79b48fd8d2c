/** Template builders: the blank standard template and the input-tab builder shared with the sample. */
export { buildBlankTemplate, TEMPLATE_INPUT_ORDER, type BlankTemplateOptions } from './blank-template';
export { buildInputTab, HEADER_ROW, INSTRUCTION_ROW, type InputTabContent, type InputCellValue } from './input-tab';
export { buildInstructionsTab, inputInstruction, INSTRUCTIONS_SHEET } from './instructions';
export { inputColumns, inputHeaders, inputTableName, type ColumnLayout } from './input-layout';
export { parameterRows } from './parameters';
