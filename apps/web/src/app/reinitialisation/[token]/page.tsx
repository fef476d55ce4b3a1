import { getTranslations } from "next-intl/server";
import { TokenPasswordPage } from "../../connexion/token-password-page.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("resetTitle") };
}

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  return <TokenPasswordPage token={(await params).token} kind="password_reset" />;
}
