"use client";
// After a partner sends a request, the ticket page opens with `?envoyee=<number>`: confirm it in a
// banner at the top of the content (polite live region; it stays until dismissed, unlike a toast);
// the close button removes it from the URL.
import { CircleCheck, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export const SUBMITTED_PARAM = "envoyee";

export function SubmittedBanner() {
  const t = useTranslations("tickets");
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const number = params.get(SUBMITTED_PARAM);
  if (!number || !/^SOS-\d{4}-\d{6}$/.test(number)) return null;
  const message = t("submitted", { number });
  return (
    <div
      aria-live="polite"
      data-testid="submitted-banner"
      className="mb-6 flex items-start gap-3 rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-900"
    >
      <CircleCheck aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <p className="flex-1">{message}</p>
      <button
        type="button"
        onClick={() => router.replace(pathname, { scroll: false })}
        className="-my-2.5 -mr-2.5 inline-flex size-11 shrink-0 items-center justify-center rounded text-green-900 hover:bg-green-100"
        aria-label={t("dismiss")}
      >
        <X aria-hidden="true" className="size-5" />
      </button>
    </div>
  );
}
