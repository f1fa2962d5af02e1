/** A CLI failure whose message is the whole story for the operator (no stack trace). */
export class CliError extends Error {}
