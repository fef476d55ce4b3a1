"use client";
// Collision warning: while a staff member has the ticket open, a heartbeat every few seconds says so
// (and whether they are writing); the others on the ticket are shown: « Claire Martin répond… ».
import { Eye, PenLine } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { REPLYING_EVENT } from "./reply-box.tsx";

type Other = { userId: string; name: string; replying: boolean };
const EVERY_MS = 4000;

export function Presence({
  ticketId,
  beat,
  leave,
}: {
  ticketId: string;
  beat: (ticketId: string, replying: boolean) => Promise<Other[]>;
  leave: (ticketId: string) => Promise<void>;
}) {
  const t = useTranslations("ticketPage");
  const [others, setOthers] = useState<Other[]>([]);
  const replying = useRef(false);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      try {
        const list = await beat(ticketId, replying.current);
        if (!stopped) setOthers(list);
      } catch {
        /* a missed beat: the next one retries */
      }
    };
    const onReplying = (e: Event) => {
      const now = Boolean((e as CustomEvent<boolean>).detail);
      if (now !== replying.current) {
        replying.current = now;
        void tick();
      }
    };
    window.addEventListener(REPLYING_EVENT, onReplying);
    void tick();
    const timer = setInterval(tick, EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener(REPLYING_EVENT, onReplying);
      void leave(ticketId).catch(() => undefined);
    };
  }, [ticketId, beat, leave]);

  if (!others.length) return null;
  return (
    <ul
      aria-label={t("presenceLabel")}
      aria-live="polite"
      className="mb-4 flex flex-wrap gap-2"
      data-testid="presence"
    >
      {others.map((o) => (
        <li
          key={o.userId}
          className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm font-medium ${
            o.replying ? "bg-amber-100 text-amber-950" : "bg-slate-100 text-slate-800"
          }`}
        >
          {o.replying ? (
            <PenLine aria-hidden="true" className="size-4" />
          ) : (
            <Eye aria-hidden="true" className="size-4" />
          )}
          {o.replying ? t("presenceReplying", { name: o.name }) : t("presenceViewing", { name: o.name })}
        </li>
      ))}
    </ul>
  );
}
