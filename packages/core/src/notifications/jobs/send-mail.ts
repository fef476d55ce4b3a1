import { z } from "zod";
import { defineJob } from "../../jobs/define.ts";

export const SEND_MAIL = "notifications.send-mail";

export const sendMailPayload = z.object({
  to: z.string().email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
});

/** Sends one e-mail. pg-boss retries it on failure; a message is built before it is queued. */
export const sendMailJob = defineJob({
  name: SEND_MAIL,
  schema: sendMailPayload,
  retryLimit: 5,
  async handler(mail, ctx) {
    await ctx.mailer.send(mail);
    ctx.log.info("mail sent", { subject: mail.subject });
  },
});
