/** The package writer (issue 14): Budgetkoll's tabs written into an .xlsx without loading it. */
export { writePackage, PackageWriteError, type PackageChanges, type PackageSheet, type PackageDeps, type DeflateRaw } from './write-package';
