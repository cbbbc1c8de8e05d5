/** Escapes text for HTML: everything from Jira or a partner is shown as text. */
export function esc(value: unknown): string {
  const text =
    typeof value === 'object' && value !== null
      ? JSON.stringify(value)
      : String((value as string | number | boolean | null | undefined) ?? '');
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
