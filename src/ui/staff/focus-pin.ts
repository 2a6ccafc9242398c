/** Puts the keyboard in the PIN field of the given test id (after a name is taken in a list). */
export function focusPin(testId: string): void {
  document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)?.focus();
}
