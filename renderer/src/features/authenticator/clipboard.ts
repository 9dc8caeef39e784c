/**
 * Copies a code and clears it after a delay, but only if the clipboard still holds our code (the
 * person may have copied something else since). Where reading the clipboard is not permitted, it is
 * left alone rather than overwritten blindly.
 */
export async function copyCode(code: string, clearAfterSeconds: number): Promise<void> {
  await navigator.clipboard.writeText(code);
  setTimeout(() => {
    navigator.clipboard
      .readText()
      .then((current) => (current === code ? navigator.clipboard.writeText('') : undefined))
      .catch(() => undefined);
  }, clearAfterSeconds * 1000);
}
