"use client";
// Less frequent actions of a ticket in one menu: merge, link, set a deadline by hand; each opens its
// form in a dialog.
import { Ellipsis, GitMerge, Link2, CalendarClock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "../../../components/ui/button.tsx";
import { Dialog, DialogContent } from "../../../components/ui/dialog.tsx";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "../../../components/ui/dropdown-menu.tsx";

type Entry = { key: string; label: string; icon: "merge" | "link" | "deadline"; form: ReactNode };
const icons = { merge: GitMerge, link: Link2, deadline: CalendarClock };

export function MoreMenu({ entries }: { entries: Entry[] }) {
  const t = useTranslations("ticketPage");
  const [open, setOpen] = useState<string | null>(null);
  const current = entries.find((e) => e.key === open);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm">
            <Ellipsis aria-hidden="true" className="size-4" />
            {t("more")}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {entries.map((e) => {
            const Icon = icons[e.icon];
            return (
              <DropdownMenuItem key={e.key} onSelect={() => setOpen(e.key)}>
                <Icon aria-hidden="true" className="size-4" />
                {e.label}
              </DropdownMenuItem>
            );
          })}
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={Boolean(current)} onOpenChange={(o) => !o && setOpen(null)}>
        {current ? (
          <DialogContent title={current.label} closeLabel={t("close")}>
            {current.form}
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
