// The worker's side of « Tester la configuration »: send a test e-mail with the worker's own mail
// settings, read the support mailbox once, and record both outcomes for the admin's page.
// Idempotent: running twice sends a second test e-mail and records the same kind of outcome.
import { describeSendError, mailTestMail } from "@mutuo/email";
import { defineJob } from "../../jobs/define.ts";
import { MAIL_TEST_JOB, mailTestPayload, recordMailTest, type MailTestResult } from "../mail-test.ts";

export const mailTestJob = defineJob({
  name: MAIL_TEST_JOB,
  schema: mailTestPayload,
  retryLimit: 0,
  expireInSeconds: 120,
  async handler(data, ctx) {
    const setup = ctx.mailSetup ?? { smtp: false };
    const content = mailTestMail(data.locale, { name: data.name, link: "/admin/courriels" });
    const send: MailTestResult["send"] = await ctx.mailer
      .send({ to: data.to, ...content, headers: { "Auto-Submitted": "auto-generated" } })
      .then(
        () => ({ ok: true, via: setup.smtp ? ("smtp" as const) : ("folder" as const) }),
        (error: unknown) => ({
          ok: false,
          via: setup.smtp ? ("smtp" as const) : ("folder" as const),
          error: describeSendError(error),
        }),
      );
    const read: MailTestResult["read"] = setup.readMailbox
      ? await setup.readMailbox().then(
          (r) => ({ ok: r.failed === 0, configured: true, ...r }),
          (error: unknown) => ({
            ok: false,
            configured: true,
            error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          }),
        )
      : { ok: false, configured: false };
    ctx.log.info("mail configuration tested", { send, read });
    await recordMailTest(ctx.db, {
      requestId: data.requestId,
      to: data.to,
      requestedAt: ctx.now().toISOString(),
      state: "done",
      finishedAt: new Date().toISOString(),
      send,
      read,
    });
  },
});
