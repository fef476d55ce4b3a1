import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonForm } from "../../../components/button-form.tsx";
import {
  ActionForm,
  Field,
  FileField,
  SelectField,
  Submit,
  TextAreaField,
} from "../../../components/form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { uuidOrNotFound } from "../../../lib/ids.ts";
import { dateToParisLocal } from "../../../lib/paris-time.ts";
import { api } from "../../../server/api.ts";
import { now } from "../../../server/clock.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import {
  claimAction,
  declareLossAction,
  loanStepAction,
  lossFileAction,
  remedyAction,
  saveInventoryAction,
  saveReturnAction,
} from "../actions.ts";
import { LoanStatusBadge } from "../status-badge.tsx";
import { Validations } from "./validations.tsx";

export const dynamic = "force-dynamic";

type Loan = Awaited<ReturnType<Awaited<ReturnType<typeof api>>["loans"]["get"]>>;
type Doc = Loan["documents"][number];

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("loans");
  const l = await (await api()).loans.get({ id: (await params).id }).catch(() => null);
  return { title: l ? `${l.number} · ${l.body.legalName}` : t("title") };
}

const CONDITIONS = ["new", "good", "worn", "damaged"] as const;
const OUTCOMES = ["same", "damaged", "missing"] as const;

export default async function LoanPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActorOrRedirect();
  const { id } = await params;
  uuidOrNotFound(id);
  const t = await getTranslations("loans");
  const format = await getFormatter();
  const loan = await (await api()).loans.get({ id }).catch(() => null);
  if (!loan) notFound();
  const d = (s: string) =>
    format.dateTime(new Date(`${s}T12:00:00Z`), { dateStyle: "long", timeZone: "Europe/Paris" });
  const at = (x: Date) =>
    format.dateTime(x, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  const inventories = loan.documents.filter((x) => x.kind === "inventory");
  const returns = loan.documents.filter((x) => x.kind === "return_report");
  const inventory = inventories.at(-1);
  const returnReport = returns.at(-1);
  const editInventory = loan.actions.includes("editInventory");
  const editReturn = loan.actions.includes("editReturn");
  return (
    <>
      <PageTitle lead={`${loan.body.legalName} — ${loan.convention.number} ${loan.convention.title}`}>
        {t("loanTitle", { number: loan.number })}
      </PageTitle>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <LoanStatusBadge status={loan.status} />
        {loan.returnToOrganise ? (
          <strong className="text-red-800">{t("returnToOrganise")}</strong>
        ) : loan.overdue ? (
          <strong className="text-red-800">{t("overdue")}</strong>
        ) : null}
        <Link href="/prets">{t("back")}</Link>
      </p>
      <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-slate-700">{t("period")}</dt>
        <dd>{t("periodValue", { start: d(loan.startDate), end: d(loan.endDate) })}</dd>
        <dt className="font-medium text-slate-700">{t("address")}</dt>
        <dd>{loan.address}</dd>
        <dt className="font-medium text-slate-700">{t("contactName")}</dt>
        <dd>{[loan.contactName, loan.contactPhone].filter(Boolean).join(" — ")}</dd>
        {loan.notes ? (
          <>
            <dt className="font-medium text-slate-700">{t("notes")}</dt>
            <dd className="whitespace-pre-line">{loan.notes}</dd>
          </>
        ) : null}
      </dl>

      <Table caption={t("assets")} headers={[t("tag"), t("serial"), t("kind"), t("assetStatusLabel")]}>
        {loan.items.map((i) => (
          <tr key={i.assetId}>
            <Cell header>
              {i.tag}
              {i.inKit ? <span className="ml-1 text-sm font-normal">{t("inKit")}</span> : null}
            </Cell>
            <Cell>{i.serial ?? "—"}</Cell>
            <Cell>{[i.kind, i.model].filter(Boolean).join(" — ")}</Cell>
            <Cell>{t(`assetStatus.${i.status}`)}</Cell>
          </tr>
        ))}
      </Table>

      {loan.actions.some((a) => a === "startService" || a === "startReturn" || a === "cancel") ? (
        <div className="my-6 flex flex-wrap gap-4">
          {(["startService", "startReturn", "cancel"] as const)
            .filter((a) => loan.actions.includes(a))
            .map((a) => (
              <ButtonForm key={a} action={loanStepAction.bind(null, loan.id, a)} label={t(`step.${a}`)} />
            ))}
        </div>
      ) : null}

      {inventory ? (
        <section id="inventaire" aria-labelledby="inventaire-h" className="mt-8">
          <h2 id="inventaire-h" className="mb-2 text-xl font-semibold">
            {t("inventoryTitle", { version: inventory.version })}
          </h2>
          {editInventory && loan.canManage ? (
            <InventoryForm loanId={loan.id} doc={inventory} />
          ) : (
            <InventoryView doc={inventory} />
          )}
          <Validations loanId={loan.id} doc={inventory} />
          <OlderVersions docs={inventories.slice(0, -1)} />
        </section>
      ) : null}

      {returnReport ? (
        <section id="restitution" aria-labelledby="restitution-h" className="mt-8">
          <h2 id="restitution-h" className="mb-2 text-xl font-semibold">
            {t("returnTitle", { version: returnReport.version })}
          </h2>
          <Differences doc={returnReport} />
          {editReturn && loan.canManage ? (
            <ReturnForm loanId={loan.id} doc={returnReport} />
          ) : (
            <ReturnView doc={returnReport} />
          )}
          <Validations loanId={loan.id} doc={returnReport} />
          <OlderVersions docs={returns.slice(0, -1)} />
        </section>
      ) : null}

      <section id="sinistres" aria-labelledby="sinistres-h" className="mt-8">
        <h2 id="sinistres-h" className="mb-2 text-xl font-semibold">
          {t("lossesTitle")}
        </h2>
        {loan.losses.length === 0 ? <p className="text-slate-700">{t("noLoss")}</p> : null}
        {loan.losses.map((l) => (
          <article key={l.id} className="mb-4 rounded-lg border border-slate-300 bg-white p-4">
            <h3 className="font-semibold">
              {t(`lossKind.${l.kind}`)} — {l.assetIds.length} {t("itemsCount")}
            </h3>
            <p>
              {t("discovered", { at: at(l.discoveredAt) })} · {t("declared", { at: at(l.declaredAt) })} ·{" "}
              {l.late ? (
                <strong className="text-red-800">{t("late", { hours: l.hours })}</strong>
              ) : (
                <strong className="text-green-800">{t("onTime", { hours: l.hours })}</strong>
              )}
            </p>
            <p className="whitespace-pre-line">{l.circumstances}</p>
            {l.policeReportRef ? <p>{t("policeRef", { ref: l.policeReportRef })}</p> : null}
            <p>
              {t("claimStatusLabel")} : <strong>{t(`claim.${l.claimStatus}`)}</strong>
            </p>
            <p>
              {t("proofOfInsurance")} :{" "}
              {l.proofFileId ? (
                <a href={`/api/prets/fichiers/${l.proofFileId}`}>{t("download")}</a>
              ) : (
                t("missingFile")
              )}{" "}
              · {t("insurerAnswer")} :{" "}
              {l.answerFileId ? (
                <a href={`/api/prets/fichiers/${l.answerFileId}`}>{t("download")}</a>
              ) : (
                t("missingFile")
              )}
            </p>
            {l.remedy ? (
              <p>
                {t(`remedy.${l.remedy}`)}
                {l.replacementSerial ? ` — ${t("replacementSerial")} : ${l.replacementSerial}` : ""}
              </p>
            ) : null}
            <div className="mt-3 grid gap-4 md:grid-cols-2">
              <ActionForm
                action={lossFileAction.bind(null, loan.id, l.id, "proofOfInsurance")}
                encType="multipart/form-data"
                className="flex flex-col gap-2"
              >
                <FileField name="proofOfInsurance" label={t("proofOfInsurance")} hint={t("fileHint")} />
                <Submit>{t("upload")}</Submit>
              </ActionForm>
              <ActionForm
                action={lossFileAction.bind(null, loan.id, l.id, "insurerAnswer")}
                encType="multipart/form-data"
                className="flex flex-col gap-2"
              >
                <FileField name="insurerAnswer" label={t("insurerAnswer")} hint={t("fileHint")} />
                <Submit>{t("upload")}</Submit>
              </ActionForm>
              {loan.canManage ? (
                <ActionForm action={claimAction.bind(null, loan.id, l.id)} className="flex flex-col gap-2">
                  <SelectField
                    name="claimStatus"
                    label={t("claimStatusLabel")}
                    defaultValue={l.claimStatus}
                    options={(["not_declared", "declared", "accepted", "refused"] as const).map((s) => ({
                      value: s,
                      label: t(`claim.${s}`),
                    }))}
                  />
                  <Submit>{t("save")}</Submit>
                </ActionForm>
              ) : null}
              {loan.canManage && l.claimStatus === "refused" ? (
                <ActionForm action={remedyAction.bind(null, loan.id, l.id)} className="flex flex-col gap-2">
                  <SelectField
                    name="remedy"
                    label={t("remedyLabel")}
                    defaultValue={l.remedy || "replacement"}
                    options={(["replacement", "repair"] as const).map((s) => ({
                      value: s,
                      label: t(`remedy.${s}`),
                    }))}
                  />
                  <Field
                    name="replacementSerial"
                    label={t("replacementSerial")}
                    defaultValue={l.replacementSerial}
                  />
                  <TextAreaField
                    name="remedyNote"
                    label={t("remedyNote")}
                    rows={2}
                    defaultValue={l.remedyNote}
                  />
                  <Submit>{t("save")}</Submit>
                </ActionForm>
              ) : null}
            </div>
          </article>
        ))}
        {loan.canDeclareLoss ? (
          <details className="mt-4 rounded-lg border border-slate-300 bg-white p-4">
            <summary className="cursor-pointer font-semibold">{t("declareLoss")}</summary>
            <p className="my-2 text-slate-700">{t("declareLossLead")}</p>
            <ActionForm action={declareLossAction.bind(null, loan.id)}>
              <SelectField
                name="kind"
                label={t("lossKindLabel")}
                options={[
                  { value: "theft", label: t("lossKind.theft") },
                  { value: "loss", label: t("lossKind.loss") },
                ]}
              />
              <fieldset>
                <legend className="font-medium text-slate-800">{t("lostItems")} *</legend>
                {loan.items.map((i) => (
                  <label key={i.assetId} className="flex items-center gap-2">
                    <input type="checkbox" name={`lost-${i.assetId}`} />
                    {i.tag} — {i.kind}
                  </label>
                ))}
              </fieldset>
              <Field
                name="discoveredAt"
                label={t("discoveredAt")}
                type="datetime-local"
                required
                defaultValue={dateToParisLocal(now())}
              />
              <TextAreaField name="circumstances" label={t("circumstances")} required rows={3} />
              <Field name="policeReportRef" label={t("policeReportRef")} hint={t("policeReportHint")} />
              <Submit>{t("declare")}</Submit>
            </ActionForm>
          </details>
        ) : null}
      </section>
    </>
  );
}

async function OlderVersions({ docs }: { docs: Doc[] }) {
  const t = await getTranslations("loans");
  if (docs.length === 0) return null;
  return (
    <p className="mt-2 text-sm">
      {t("olderVersions")} :{" "}
      {docs.map((x, i) => (
        <span key={x.id}>
          {i > 0 ? ", " : ""}
          <a href={`/api/prets/documents/${x.id}`}>{t("versionPdf", { version: x.version })}</a>
        </span>
      ))}
    </p>
  );
}

async function InventoryView({ doc }: { doc: Doc }) {
  const t = await getTranslations("loans");
  const inv = doc.inventory!;
  return (
    <>
      <Table
        caption={t("inventoryTitle", { version: doc.version })}
        headers={[t("tag"), t("serial"), t("designation"), t("condition"), t("accessories"), t("remark")]}
      >
        {inv.items.map((i) => (
          <tr key={i.assetId}>
            <Cell header>{i.tag}</Cell>
            <Cell>{i.serial}</Cell>
            <Cell>{i.label}</Cell>
            <Cell>{t(`conditions.${i.condition}`)}</Cell>
            <Cell>{i.accessories || "—"}</Cell>
            <Cell>{i.remark || "—"}</Cell>
          </tr>
        ))}
      </Table>
      {inv.accessories.length ? (
        <ul className="my-3 list-disc pl-6">
          {inv.accessories.map((a, i) => (
            <li key={i}>
              {a.quantity} × {a.label}
              {a.remark ? ` — ${a.remark}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <h3 className="mt-4 mb-2 font-semibold">{t("testSheet")}</h3>
      <Table caption={t("testSheet")} headers={[t("tag"), t("test"), t("result"), t("remark")]}>
        {inv.tests.map((x, i) => (
          <tr key={i}>
            <Cell header>{x.tag}</Cell>
            <Cell>{x.test}</Cell>
            <Cell>{x.result ? x.result.toUpperCase() : "—"}</Cell>
            <Cell>{x.remark || "—"}</Cell>
          </tr>
        ))}
      </Table>
    </>
  );
}

async function InventoryForm({ loanId, doc }: { loanId: string; doc: Doc }) {
  const t = await getTranslations("loans");
  const inv = doc.inventory!;
  const accessories = [
    ...inv.accessories,
    { label: "", quantity: 1, remark: "" },
    { label: "", quantity: 1, remark: "" },
  ];
  const tests = [...inv.tests, { tag: "", test: "", result: "", remark: "" }];
  return (
    <ActionForm action={saveInventoryAction.bind(null, loanId)} className="flex flex-col gap-4">
      {doc.frozenAt ? <p className="text-amber-900">{t("newVersionNotice")}</p> : null}
      {inv.items.map((i) => (
        <fieldset
          key={i.assetId}
          className="grid gap-3 rounded-md border border-slate-300 p-3 md:grid-cols-3"
        >
          <legend className="px-1 font-semibold">
            {i.tag} — {i.serial} — {i.label}
          </legend>
          <SelectField
            name={`cond-${i.assetId}`}
            label={t("conditionOf", { tag: i.tag })}
            defaultValue={i.condition}
            options={CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }))}
          />
          <Field
            name={`acc-${i.assetId}`}
            label={t("accessoriesOf", { tag: i.tag })}
            defaultValue={i.accessories}
          />
          <Field name={`rem-${i.assetId}`} label={t("remarkOf", { tag: i.tag })} defaultValue={i.remark} />
        </fieldset>
      ))}
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("accessories")}</legend>
        {accessories.map((a, i) => (
          <div key={i} className="grid gap-3 md:grid-cols-3">
            <Field name={`accLabel-${i}`} label={t("accessoryN", { n: i + 1 })} defaultValue={a.label} />
            <Field
              name={`accQty-${i}`}
              label={t("quantityN", { n: i + 1 })}
              type="number"
              defaultValue={String(a.quantity)}
            />
            <Field name={`accRem-${i}`} label={t("remarkN", { n: i + 1 })} defaultValue={a.remark} />
          </div>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">{t("testSheet")}</legend>
        {tests.map((x, i) => (
          <div key={i} className="grid gap-3 md:grid-cols-4">
            <Field name={`testTag-${i}`} label={t("testTagN", { n: i + 1 })} defaultValue={x.tag} />
            <Field name={`test-${i}`} label={t("testN", { n: i + 1 })} defaultValue={x.test} />
            <SelectField
              name={`result-${i}`}
              label={t("resultN", { n: i + 1 })}
              defaultValue={x.result}
              options={[
                { value: "", label: "—" },
                { value: "ok", label: "OK" },
                { value: "ko", label: "KO" },
              ]}
            />
            <Field name={`testRem-${i}`} label={t("testRemarkN", { n: i + 1 })} defaultValue={x.remark} />
          </div>
        ))}
      </fieldset>
      <Submit>{t("saveInventory")}</Submit>
    </ActionForm>
  );
}

async function Differences({ doc }: { doc: Doc }) {
  const t = await getTranslations("loans");
  if (doc.differences.length === 0) return <p className="mb-3 text-slate-700">{t("noDifference")}</p>;
  return (
    <div role="note" className="mb-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
      <h3 className="font-semibold">{t("differences")}</h3>
      <ul className="list-disc pl-6">
        {doc.differences.map((x, i) => (
          <li key={i}>
            {x.kind === "item"
              ? `${x.tag} — ${x.label} : ${t(`outcomes.${x.outcome}`)}`
              : x.missing
                ? t("accessoryMissing", { label: x.label, n: x.missing })
                : t("accessoryExtra", { label: x.label, n: x.extra })}
            {x.remark ? ` (${x.remark})` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

async function ReturnView({ doc }: { doc: Doc }) {
  const t = await getTranslations("loans");
  const r = doc.returnReport!;
  return (
    <>
      <Table
        caption={t("returnTitle", { version: doc.version })}
        headers={[t("tag"), t("designation"), t("outcome"), t("wipe"), t("remark")]}
      >
        {r.items.map((i) => (
          <tr key={i.assetId}>
            <Cell header>{i.tag}</Cell>
            <Cell>{i.label}</Cell>
            <Cell>{t(`outcomes.${i.outcome}`)}</Cell>
            <Cell>
              {i.wipe ? `${i.wipe.method} — ${i.wipe.by} — ${i.wipe.at}` : i.holdsData ? t("wipeToDo") : "—"}
            </Cell>
            <Cell>{i.remark || "—"}</Cell>
          </tr>
        ))}
      </Table>
      {r.accessories.length ? (
        <ul className="my-3 list-disc pl-6">
          {r.accessories.map((a, i) => (
            <li key={i}>
              {t("accessoryReturned", { label: a.label, returned: a.returned, expected: a.expected })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

async function ReturnForm({ loanId, doc }: { loanId: string; doc: Doc }) {
  const t = await getTranslations("loans");
  const r = doc.returnReport!;
  return (
    <ActionForm action={saveReturnAction.bind(null, loanId)} className="flex flex-col gap-4">
      {doc.wipesMissing.length ? (
        <p className="text-amber-900">{t("wipesMissing", { tags: doc.wipesMissing.join(", ") })}</p>
      ) : null}
      {r.items.map((i) => (
        <fieldset
          key={i.assetId}
          className="grid gap-3 rounded-md border border-slate-300 p-3 md:grid-cols-2"
        >
          <legend className="px-1 font-semibold">
            {i.tag} — {i.serial} — {i.label} ({t(`conditions.${i.conditionAtStart}`)})
          </legend>
          <SelectField
            name={`outcome-${i.assetId}`}
            label={t("outcomeOf", { tag: i.tag })}
            defaultValue={i.outcome}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          />
          <Field name={`rem-${i.assetId}`} label={t("remarkOf", { tag: i.tag })} defaultValue={i.remark} />
          {i.holdsData ? (
            <>
              <Field
                name={`wipeMethod-${i.assetId}`}
                label={t("wipeMethodOf", { tag: i.tag })}
                defaultValue={i.wipe?.method ?? ""}
              />
              <Field
                name={`wipeBy-${i.assetId}`}
                label={t("wipeByOf", { tag: i.tag })}
                defaultValue={i.wipe?.by ?? ""}
              />
              <Field
                name={`wipeAt-${i.assetId}`}
                label={t("wipeAtOf", { tag: i.tag })}
                type="date"
                defaultValue={i.wipe?.at ?? ""}
              />
            </>
          ) : null}
        </fieldset>
      ))}
      {r.accessories.length ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{t("accessories")}</legend>
          {r.accessories.map((a, i) => (
            <div key={i} className="grid gap-3 md:grid-cols-2">
              <input type="hidden" name={`retLabel-${i}`} value={a.label} />
              <Field
                name={`retQty-${i}`}
                label={t("returnedOf", { label: a.label, expected: a.expected })}
                type="number"
                defaultValue={String(a.returned)}
              />
              <Field name={`retRem-${i}`} label={t("remarkOf", { tag: a.label })} defaultValue={a.remark} />
            </div>
          ))}
        </fieldset>
      ) : null}
      <Submit>{t("saveReturn")}</Submit>
    </ActionForm>
  );
}
