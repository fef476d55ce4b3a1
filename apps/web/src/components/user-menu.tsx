import { getTranslations } from "next-intl/server";
import type { Actor } from "@mutuo/core/identity";
import { signOutAction } from "../app/connexion/actions.ts";
import { switchBodyAction } from "../app/compte/actions.ts";

/** Who is signed in, the body they act for (agents of several bodies), and sign-out. */
export async function UserMenu({
  actor,
  bodies,
}: {
  actor: Actor;
  bodies: { id: string; legalName: string }[];
}) {
  const t = await getTranslations("auth");
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span className="text-slate-700">{t("signedInAs", { name: actor.name })}</span>
      {actor.role === "agent" && bodies.length > 1 ? (
        <form action={switchBodyAction} className="flex items-center gap-2">
          <label htmlFor="acting-for" className="text-slate-700">
            {t("actingFor")}
          </label>
          <select
            id="acting-for"
            name="bodyId"
            defaultValue={actor.activeBodyId ?? ""}
            className="rounded-md border border-slate-400 px-2 py-1"
          >
            <option value="">{t("allMyBodies")}</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.legalName}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">
            {t("switch")}
          </button>
        </form>
      ) : null}
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100"
        >
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
