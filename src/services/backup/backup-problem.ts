/** What is wrong with a backup file, and on which line (1-based, of the uncompressed text). */
export class BackupProblem extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.name = 'BackupProblem';
    this.line = line;
  }
}
