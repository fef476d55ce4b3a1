// The one text type of every input schema. PostgreSQL refuses the NUL character in text and JSONB
// refuses lone UTF-16 surrogates: both made a crash (HTTP 500) of a pasted string. Decision: such a
// character carries no meaning a person typed on purpose, so it is removed (NUL) or replaced by
// U+FFFD (a lone surrogate, as String.prototype.toWellFormed does) instead of refusing the form,
// which the person could not fix since neither is visible. Checks chained after `text()` (trim,
// min, max, regex…) see the cleaned string.
import { z } from "zod";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string without NUL characters, well-formed UTF-16. */
export function cleanText(s: string): string {
  return s.replace(/\0/g, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** A string input: `text().trim().min(3, "subject_short").max(200)`. Use it for every text field. */
export const text = () => z.string().overwrite(cleanText);
