import { getTranslations } from "next-intl/server";
import { TokenPasswordPage } from "../../connexion/token-password-page.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("invitationTitle") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  return <TokenPasswordPage token={(await params).token} kind="invitation" />;
}
