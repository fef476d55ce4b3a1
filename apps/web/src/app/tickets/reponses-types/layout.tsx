import type { ReactNode } from "react";
import { SectionMessages } from "../../../i18n/section-messages.tsx";

export default function Layout({ children }: { children: ReactNode }) {
  return <SectionMessages section="tickets/reponses-types">{children}</SectionMessages>;
}
