/** A refusal the user can act on: the CLI prints its message (no stack) and exits with status 2. */
export class LabelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelsError';
  }
}
