import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "../components/page-title.tsx";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Link href="/">{t("home")}</Link>
    </>
  );
}
