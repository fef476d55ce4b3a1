import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ButtonForm } from "../../../components/button-form.tsx";
import { ActionForm, Field, SelectField, Submit } from "../../../components/form.tsx";
import { PageTitle } from "../../../components/page-title.tsx";
import { Cell, Table } from "../../../components/table.tsx";
import { uuidOrNotFound } from "../../../lib/ids.ts";
import { env } from "../../../env.ts";
import { TimeSection } from "../../facturation/time-section.tsx";
import { api } from "../../../server/api.ts";
import { requireActorOrRedirect } from "../../../server/session.ts";
import {
  cancelRunAction,
  closeAction,
  saveAsTemplateAction,
  saveMappingAction,
  stepAction,
} from "../actions.ts";
import { FileSettingsForm } from "../file-settings.tsx";
import { RunProgress } from "../progress.tsx";
import { MigrationStatus } from "../status-badge.tsx";
import { UploadForm } from "../upload.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("migrations");
  return { title: t("title") };
}

export default async function MigrationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActorOrRedirect();
  const id = uuidOrNotFound((await params).id);
  const t = await getTranslations("migrations");
  const format = await getFormatter();
  const caller = await api();
  const job = await caller.migrations.get({ id }).catch(() => notFound());
  const staff = actor.role !== "agent";
  const lastCheck = job.runs.find((r) => r.kind === "check" && r.status === "done");
  const [errors, staging] = await Promise.all([
    lastCheck ? caller.migrations.errors({ runId: lastCheck.id, limit: 50 }) : Promise.resolve(null),
    caller.migrations.staging({ id, limit: 10 }),
  ]);
  const file = job.files.find((f) => f.id === job.currentFileId) ?? null;
  const when = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });
  const open = !["done", "failed", "cancelled"].includes(job.status);
  const receiving = ["planned", "files_received", "checked", "test_loaded"].includes(job.status);
  const latest = job.runs[0] ?? null;
  const running = latest && (latest.status === "queued" || latest.status === "running") ? latest : null;
  const errorTexts = Object.fromEntries(
    Object.keys(t.raw("errors") as Record<string, string>).map((k) => [
      k,
      t(`errors.${k}` as "errors.other"),
    ]),
  );
  return (
    <>
      <PageTitle lead={`${job.body} · ${job.service} · ${job.owner}`}>
        {job.number} — {job.title}
      </PageTitle>
      <p className="mb-4 flex flex-wrap items-center gap-3">
        <MigrationStatus status={job.status} />
        {job.dueOn ? (
          <span>
            {t("dueOn")} : {format.dateTime(new Date(`${job.dueOn}T12:00:00Z`), { dateStyle: "medium" })}
            {job.late ? <strong className="ml-2 text-red-800">{t("late")}</strong> : null}
          </span>
        ) : null}
        {job.statusReason ? <span>{t("job.closedReason", { reason: job.statusReason })}</span> : null}
      </p>

      <RunProgress
        // A new run (the next step) starts its own polling: state is per run, not per page.
        key={latest?.id ?? "none"}
        jobId={job.id}
        initial={latest}
        labels={{
          progress: t("job.progressLabel"),
          kinds: {
            check: t("runKind.check"),
            test_load: t("runKind.test_load"),
            production_load: t("runKind.production_load"),
          },
          statuses: Object.fromEntries(
            ["queued", "running", "done", "failed", "cancelled"].map((s) => [
              s,
              t(`runStatus.${s}` as "runStatus.done"),
            ]),
          ),
          rows: t.raw("job.rows") as string,
          speed: t.raw("job.speed") as string,
          eta: t.raw("job.eta") as string,
        }}
      />
      {running && staff ? (
        <ButtonForm action={cancelRunAction.bind(null, job.id, running.id)} label={t("job.cancelRun")} />
      ) : null}

      <section aria-labelledby="files" className="mt-6">
        <h2 id="files" className="mb-2 text-xl font-semibold">
          {t("job.files")}
        </h2>
        {job.files.length === 0 ? <p>{t("job.noFile")}</p> : null}
        <ul className="mb-4 flex flex-col gap-1">
          {job.files.map((f) => (
            <li key={f.id}>
              <a href={`/api/reprises/fichiers/${f.id}`} className="underline">
                {f.name}
              </a>{" "}
              — {when(f.createdAt)} — {f.uploadedBy} —{" "}
              {t("job.detected", {
                format: f.format.toUpperCase(),
                encoding: f.encoding,
                delimiter: f.delimiter === "\t" ? "tab" : f.delimiter,
                n: f.headers.length,
              })}
            </li>
          ))}
        </ul>
        {staff && receiving && file?.format === "csv" && !running ? (
          <FileSettingsForm jobId={job.id} file={file} />
        ) : null}
        {receiving ? (
          <UploadForm
            jobId={job.id}
            errors={errorTexts}
            labels={{
              upload: t("job.upload"),
              hint: t("job.uploadHint", { max: Math.round(env().migrationMaxBytes / 1024 / 1024) }),
              send: t("job.send"),
              sending: t("job.sending"),
              sent: t.raw("job.sent") as string,
            }}
          />
        ) : null}
      </section>

      {staff && file && receiving ? (
        <section aria-labelledby="mapping" className="mt-6">
          <h2 id="mapping" className="mb-2 text-xl font-semibold">
            {t("job.mapping")}
          </h2>
          <p className="mb-2 text-slate-700">{t("job.mappingLead")}</p>
          <ActionForm
            action={saveMappingAction.bind(
              null,
              job.id,
              job.template.columns.map((c) => c.name),
            )}
            className="flex max-w-3xl flex-col gap-3"
          >
            {job.template.columns.map((c) => (
              <SelectField
                key={c.name}
                name={`map.${c.name}`}
                label={`${c.label}${c.required ? ` (${t("job.required")})` : ""}`}
                defaultValue={job.mapping[c.name] ?? ""}
                options={[
                  { value: "", label: t("job.notMapped") },
                  ...file.headers.map((h) => ({ value: h, label: h })),
                ]}
              />
            ))}
            <SelectField
              name="badRowPolicy"
              label={t("job.policy")}
              defaultValue={job.badRowPolicy}
              options={[
                { value: "all_or_nothing", label: t("job.allOrNothing") },
                { value: "load_valid", label: t("job.loadValid") },
              ]}
            />
            <SelectField
              name="externalKey"
              label={t("job.externalKey")}
              defaultValue={job.externalKey ?? ""}
              options={[
                { value: "", label: t("job.noKey") },
                ...job.template.columns.map((c) => ({ value: c.name, label: c.label })),
              ]}
            />
            <div className="flex gap-3">
              <button
                type="submit"
                name="then"
                value=""
                className="rounded-md border border-slate-500 px-4 py-2"
              >
                {t("job.saveMapping")}
              </button>
              <button
                type="submit"
                name="then"
                value="check"
                className="rounded-md bg-blue-800 px-4 py-2 text-white"
              >
                {t("job.check")}
              </button>
            </div>
          </ActionForm>
          <details className="mt-3">
            <summary>{t("job.saveAsTemplate")}</summary>
            <ActionForm action={saveAsTemplateAction.bind(null, job.id)}>
              <Field name="name" label={t("job.templateName")} required />
              <Submit>{t("job.saveAsTemplate")}</Submit>
            </ActionForm>
          </details>
        </section>
      ) : null}

      {errors ? (
        <section aria-labelledby="errors" className="mt-6">
          <h2 id="errors" className="mb-2 text-xl font-semibold">
            {t("job.errors")}
          </h2>
          <p className="mb-2">
            {t("job.rows", {
              read: lastCheck!.rowsRead,
              valid: lastCheck!.rowsValid,
              invalid: lastCheck!.rowsInvalid,
              dup: lastCheck!.duplicateKeys,
            })}
          </p>
          {errors.items.length === 0 ? (
            <p>{t("job.noErrors")}</p>
          ) : (
            <>
              <p className="mb-2 flex gap-4">
                <a href={`/api/reprises/rapports/${lastCheck!.id}`}>{t("job.downloadCsv")}</a>
                <a href={`/api/reprises/rapports/${lastCheck!.id}?format=xlsx`}>{t("job.downloadXlsx")}</a>
              </p>
              <Table
                caption={t("job.errorsCaption")}
                headers={[t("job.line"), t("job.column"), t("job.value"), t("job.rule"), t("job.original")]}
              >
                {errors.items.map((e) => (
                  <tr key={e.id}>
                    <Cell>{e.line}</Cell>
                    <Cell>{e.column}</Cell>
                    <Cell>{e.value || "—"}</Cell>
                    <Cell>{e.rule}</Cell>
                    <Cell>
                      <code className="text-xs break-all">{e.raw}</code>
                    </Cell>
                  </tr>
                ))}
              </Table>
            </>
          )}
          {staff && (job.status === "checked" || job.status === "test_loaded") && !running ? (
            <ButtonForm action={stepAction.bind(null, job.id, "testLoad")} label={t("job.testLoad")} />
          ) : null}
        </section>
      ) : null}

      {staging ? (
        <section aria-labelledby="staging" className="mt-6">
          <h2 id="staging" className="mb-2 text-xl font-semibold">
            {t("job.staging")}
          </h2>
          <p className="mb-2" data-testid="staged-rows">
            {t("job.stagedRows", { n: staging.total })}
          </p>
          <Table caption={t("job.filled")} headers={[t("job.column"), t("job.filled")]}>
            {staging.columns.map((c) => (
              <tr key={c.name}>
                <Cell>{c.label}</Cell>
                <Cell>{c.filled}</Cell>
              </tr>
            ))}
          </Table>
          <div className="mt-3 overflow-x-auto">
            <Table
              caption={t("job.sample")}
              headers={[t("job.line"), ...staging.columns.map((c) => c.label)]}
            >
              {staging.sample.map((r) => (
                <tr key={r.line}>
                  <Cell>{r.line}</Cell>
                  {r.values.map((v, i) => (
                    <Cell key={i}>{v}</Cell>
                  ))}
                </tr>
              ))}
            </Table>
          </div>
        </section>
      ) : null}

      {job.status === "test_loaded" && actor.role === "agent" ? (
        <section aria-labelledby="signoff" className="mt-6 rounded-md border border-blue-300 bg-blue-50 p-4">
          <h2 id="signoff" className="mb-2 text-xl font-semibold">
            {t("job.signOff")}
          </h2>
          <p className="mb-2">{t("job.signOffLead")}</p>
          <ButtonForm action={stepAction.bind(null, job.id, "signOff")} label={t("job.signOff")} />
        </section>
      ) : null}
      {job.signOff ? (
        <p className="mt-6">
          {t("job.signedOff", { name: job.signOff.by, at: when(job.signOff.at) })}{" "}
          <a href={`/api/reprises/${job.id}/pv`}>{t("job.pv")}</a>
        </p>
      ) : null}
      {staff && job.status === "signed_off" && !running ? (
        <ButtonForm action={stepAction.bind(null, job.id, "load")} label={t("job.load")} />
      ) : null}
      {job.load ? (
        <p className="mt-4" data-testid="load-summary">
          {t("job.loaded", { at: when(job.load.at), rows: job.load.rows })}{" "}
          {staff ? <a href={`/api/reprises/${job.id}/export`}>{t("job.export")}</a> : null}{" "}
          <a href={`/api/reprises/${job.id}/journal`}>{t("job.log")}</a>
        </p>
      ) : null}
      {staff && job.status === "loaded" ? (
        <ButtonForm action={stepAction.bind(null, job.id, "complete")} label={t("job.complete")} />
      ) : null}

      <section aria-labelledby="timeline" className="mt-8">
        <h2 id="timeline" className="mb-2 text-xl font-semibold">
          {t("job.timeline")}
        </h2>
        <ol className="flex flex-col gap-1">
          {job.events.map((e) => (
            <li key={e.id}>
              {when(e.at)} — {e.actor} — {e.toStatus ? t(`status.${e.toStatus}` as "status.done") : e.kind}
              {e.note ? ` — ${e.note}` : ""}
            </li>
          ))}
        </ol>
      </section>

      {staff ? (
        <div className="mt-8">
          <TimeSection migrationJobId={job.id} />
        </div>
      ) : null}

      {staff && open ? (
        <details className="mt-6">
          <summary>{t("job.cancel")}</summary>
          <ActionForm action={closeAction.bind(null, job.id)}>
            <Field name="reason" label={t("job.reason")} required />
            <SelectField
              name="to"
              label={t("statusLabel")}
              options={[
                { value: "cancelled", label: t("status.cancelled") },
                { value: "failed", label: t("status.failed") },
              ]}
            />
            <Submit>{t("job.cancel")}</Submit>
          </ActionForm>
        </details>
      ) : null}
    </>
  );
}
