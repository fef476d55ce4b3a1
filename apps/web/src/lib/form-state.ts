export interface FormState {
  ok?: boolean;
  /** A sentence for the whole form (shown in an alert), in the user's language. */
  message?: string;
  /** Translated message per field name. */
  fieldErrors?: Record<string, string>;
  /** What the person typed, given back so that nothing is lost on error. */
  values?: Record<string, string>;
  /** Extra data for the page (e.g. an import report). */
  data?: unknown;
}

export const initialFormState: FormState = {};

/** What was typed, by field; a field sent several times (a multiple select) keeps every value, one a line. */
export function formValues(fd: FormData, omit: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries())
    if (typeof v === "string" && !omit.includes(k) && !k.startsWith("$"))
      out[k] = k in out ? `${out[k]}\n${v}` : v;
  return out;
}
