/** A sheet name or package problem the user can act on (Swedish message). */
export class PackageWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageWriteError';
  }
}
