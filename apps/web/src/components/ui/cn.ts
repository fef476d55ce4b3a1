/** Joins class names, skipping empty ones (no merging: callers do not pass conflicting utilities). */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
