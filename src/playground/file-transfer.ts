/**
 * Files in and out of the playground: the bytes of a chosen file, and a download of the workbook
 * under its own name, so a macro workbook stays .xlsm (its VBA is kept as it was).
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.12';
/** What the file dialog offers: workbooks, with and without macros. */
export const WORKBOOK_ACCEPT = `.xlsx,.xlsm,${XLSX_TYPE},${XLSM_TYPE}`;

/** The download's name: the file's own, with .xlsx added when it has no workbook extension. */
export function downloadName(fileName: string): string {
  return /\.xls[xm]$/i.test(fileName) ? fileName : `${fileName}.xlsx`;
}

/** The file's bytes (FileReader where Blob.arrayBuffer is missing, as in older engines). */
export function readFileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Hands the bytes to the browser as a download named after the file that was opened. */
export function downloadBytes(bytes: ArrayBuffer | Uint8Array, fileName: string): void {
  const name = downloadName(fileName);
  const type = /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
