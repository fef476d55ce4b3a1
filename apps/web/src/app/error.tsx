"use client";
// Any unexpected error in a page: a French (or English) page in the app's shell, with the reference
// of the server's log line and no detail of the error itself.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageTitle } from "../components/page-title.tsx";

export default function ErrorPage({
  error,
  retry,
  reset,
}: {
  error: unknown;
  retry?: () => void;
  reset?: () => void;
}) {
  const t = useTranslations("errorPage");
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {digest ? <p className="mb-4 text-sm text-slate-700">{t("reference", { digest })}</p> : null}
      <p className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => (retry ?? reset)?.()}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {t("retry")}
        </button>
        <Link href="/">{t("home")}</Link>
      </p>
    </>
  );
}
