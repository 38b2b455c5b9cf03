/**
 * Header names as exports spell them vary in case, spacing, punctuation and BOMs
 * ("\uFEFFActivity ID", "Activity - Due date", "Call duration (ms)"). Matching on a normalised form
 * lets one column map serve every variant.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
