// A refusal the sandbox answers: the status, the `code` and a `message` naming the field and the rule broken.
// Each API turns it into its `Error` body; the status must be one the operation documents.

export class SandboxRefusal extends Error {
  override readonly name = 'SandboxRefusal';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Bounds a message to what both APIs' `Error.message` allow: one line of printable text, at most 1,000 characters. */
export function errorMessage(text: string): string {
  // eslint-disable-next-line no-control-regex
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed here
  const oneLine = text.replace(/[\x00-\x1F\x7F]+/g, ' ').trim();
  return oneLine.length > 1000 ? `${oneLine.slice(0, 997)}...` : oneLine || 'refused';
}
