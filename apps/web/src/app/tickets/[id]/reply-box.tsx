"use client";
// The reply box, always reachable at the bottom of the conversation: a public reply or an internal
// note (a toggle of the same box, styled apart), canned replies inserted from a menu, and one
// action each for « Envoyer », « Envoyer et mettre en attente du partenaire » (optionally until a
// date) and « Envoyer et résoudre ».
import { MessageSquareText, Lock, Send, Clock, CheckCircle2, ChevronDown } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { ActionForm, FileField, useFormState } from "../../../components/form.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { cn } from "../../../components/ui/cn.ts";
import { Popover, PopoverContent, PopoverTrigger } from "../../../components/ui/popover.tsx";
import type { FormState } from "../../../lib/form-state.ts";

type Action = (s: FormState, fd: FormData) => Promise<FormState>;
export interface CannedOption {
  id: string;
  title: string;
  text: string;
  shared: boolean;
}

/** Tells the presence heartbeat whether this person is writing. */
export const REPLYING_EVENT = "mutuo:replying";

export function ReplyBox({
  action,
  staff,
  canned,
  canWait,
  canResolve,
}: {
  action: Action;
  staff: boolean;
  canned: CannedOption[];
  canWait: boolean;
  canResolve: boolean;
}) {
  return (
    <ActionForm action={action} encType="multipart/form-data" className="flex flex-col gap-3">
      <Inner staff={staff} canned={canned} canWait={canWait} canResolve={canResolve} />
    </ActionForm>
  );
}

function Inner({
  staff,
  canned,
  canWait,
  canResolve,
}: {
  staff: boolean;
  canned: CannedOption[];
  canWait: boolean;
  canResolve: boolean;
}) {
  const t = useTranslations("ticketPage");
  const tt = useTranslations("tickets");
  const state = useFormState();
  const [kind, setKind] = useState<"reply" | "note">(state.values?.kind === "note" ? "note" : "reply");
  const [body, setBody] = useState(state.values?.body ?? "");
  const area = useRef<HTMLTextAreaElement>(null);
  const note = kind === "note";
  const error = state.fieldErrors?.body;
  const untilError = state.fieldErrors?.waitingUntil;

  useEffect(() => {
    window.dispatchEvent(new CustomEvent(REPLYING_EVENT, { detail: body.trim().length > 0 }));
  }, [body]);

  const insert = (text: string) => {
    const el = area.current;
    const start = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? body.length;
    const next = body.slice(0, start) + text + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  return (
    <div
      className={cn(
        "flex flex-col gap-3 rounded-lg border-2 p-3",
        note ? "border-amber-400 bg-amber-50" : "border-slate-300 bg-white",
      )}
    >
      {staff ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <fieldset className="flex gap-1" aria-describedby={note ? "note-hint" : undefined}>
            <legend className="sr-only">{t("replyMode")}</legend>
            {(["reply", "note"] as const).map((k) => (
              <label
                key={k}
                className={cn(
                  "inline-flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700",
                  kind === k
                    ? k === "note"
                      ? "border-amber-700 bg-amber-200 text-amber-950"
                      : "border-brand-700 bg-brand-700 text-white"
                    : "border-slate-400 bg-white text-slate-800",
                )}
              >
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="sr-only"
                />
                {k === "note" ? (
                  <Lock aria-hidden="true" className="size-4" />
                ) : (
                  <MessageSquareText aria-hidden="true" className="size-4" />
                )}
                {k === "note" ? t("modeNote") : t("modeReply")}
              </label>
            ))}
          </fieldset>
          <CannedMenu canned={canned} onPick={insert} />
        </div>
      ) : (
        <input type="hidden" name="kind" value="reply" />
      )}
      {note ? (
        <p id="note-hint" className="text-sm font-medium text-amber-900">
          {t("noteHint")}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="f-body" className="font-medium text-slate-800">
          {note ? t("noteLabel") : tt("message")}
          <span aria-hidden="true"> *</span>
        </label>
        <textarea
          id="f-body"
          ref={area}
          name="body"
          required
          rows={4}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "f-body-error" : undefined}
          className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        {error ? (
          <p id="f-body-error" className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer py-3 text-brand-800">{tt("attachments")}</summary>
        <div className="mt-2">
          <FileField name="attachments" label={tt("attachments")} hint={tt("attachmentsHint")} multiple />
        </div>
      </details>
      {staff && !note && canWait ? (
        <div className="flex flex-col gap-1 sm:max-w-xs">
          <label htmlFor="f-waitingUntil" className="text-sm font-medium text-slate-800">
            {t("waitUntil")}
          </label>
          <input
            id="f-waitingUntil"
            name="waitingUntil"
            type="datetime-local"
            defaultValue={state.values?.waitingUntil}
            aria-invalid={untilError ? true : undefined}
            aria-describedby={`f-waitingUntil-hint${untilError ? " f-waitingUntil-error" : ""}`}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 aria-[invalid=true]:border-red-700"
          />
          <p id="f-waitingUntil-hint" className="text-xs text-slate-700">
            {t("waitUntilHint")}
          </p>
          {untilError ? (
            <p id="f-waitingUntil-error" className="text-sm font-medium text-red-800">
              {untilError}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="then" value="" variant="primary" className="w-full sm:w-auto">
          <Send aria-hidden="true" className="size-4" />
          {note ? t("addNote") : t("send")}
        </Button>
        {staff && !note && canWait ? (
          <Button type="submit" name="then" value="wait" variant="secondary">
            <Clock aria-hidden="true" className="size-4" />
            {t("sendWait")}
          </Button>
        ) : null}
        {staff && !note && canResolve ? (
          <Button type="submit" name="then" value="resolve" variant="secondary">
            <CheckCircle2 aria-hidden="true" className="size-4" />
            {t("sendResolve")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** Canned replies in a popover: type to filter, pick one to insert it at the cursor. */
function CannedMenu({ canned, onPick }: { canned: CannedOption[]; onPick: (text: string) => void }) {
  const t = useTranslations("ticketPage");
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return needle ? canned.filter((c) => `${c.title} ${c.text}`.toLowerCase().includes(needle)) : canned;
  }, [canned, q]);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="secondary" size="sm">
          {t("canned")}
          <ChevronDown aria-hidden="true" className="size-4" />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" label={t("canned")} className="w-80 p-2">
        <label htmlFor="canned-filter" className="sr-only">
          {t("cannedFilter")}
        </label>
        <input
          id="canned-filter"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("cannedFilter")}
          className="mb-2 w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm"
        />
        {shown.length ? (
          <ul className="flex max-h-64 flex-col overflow-y-auto">
            {shown.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(c.text);
                    setOpen(false);
                    setQ("");
                  }}
                  className="flex w-full flex-col rounded px-2 py-1.5 text-left hover:bg-brand-50 focus-visible:bg-brand-50"
                >
                  <span className="text-sm font-medium text-slate-900">
                    {c.title}
                    {c.shared ? (
                      <span className="ml-2 text-xs text-slate-600">{t("cannedShared")}</span>
                    ) : null}
                  </span>
                  <span className="line-clamp-2 text-xs text-slate-700">{c.text}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-2 py-1.5 text-sm text-slate-700">{t("cannedNone")}</p>
        )}
        <Link href="/tickets/reponses-types" className="mt-2 block px-2 text-sm">
          {t("cannedManage")}
        </Link>
      </PopoverContent>
    </Popover>
  );
}
