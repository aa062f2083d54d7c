/** A refusal the user can act on (bad arguments, no such function, ...): the message is all they need to see. */
export class CliError extends Error {}
