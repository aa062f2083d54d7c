/** A refusal the user can act on: the CLI prints its message (no stack) and exits with status 2. */
export class LabelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabelsError';
  }
}

/**
 * Text with the credentials of every URL in it replaced (`https://x-access-token:TOKEN@host/…` →
 * `https://***@host/…`): CI remotes carry tokens, and messages quote remotes.
 */
export function withoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"]*@/gi, '$1***@');
}
