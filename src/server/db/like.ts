/** Escapes LIKE wildcards (`%`, `_`) and the escape character in user input. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A LIKE pattern matching text that contains the input anywhere. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
