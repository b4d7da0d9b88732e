/**
 * Markdown hover text for clients that asked for plain text only: fences, emphasis and
 * link syntax removed, the words and code kept.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^```[a-z]*\n?/gm, '')
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^---$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
