import { getLocale } from "next-intl/server";
import { setLocale } from "../i18n/actions.ts";

/** A plain form: works without JavaScript, reloads the page in the other language. */
export async function LanguageSwitcher({ label, title }: { label: string; title: string }) {
  const other = (await getLocale()) === "fr" ? "en" : "fr";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        title={title}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        {label}
      </button>
    </form>
  );
}
