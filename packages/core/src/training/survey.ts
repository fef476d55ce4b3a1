// The satisfaction survey: one answer per person (the database's unique key decides), results per
// session for staff.
import type { Db } from "@mutuo/db";
import type { Actor } from "../access/index.ts";
import { conflict, invalid, notFound } from "../errors/index.ts";
import { isUniqueViolation } from "../shared/unique.ts";
import { surveyInput } from "./schema.ts";

export async function answerSurvey(db: Db, actor: Actor, raw: unknown, now: Date) {
  const input = surveyInput.parse(raw);
  const reg = await db.trainingRegistration.findUnique({
    where: { id: input.registrationId },
    select: {
      userId: true,
      session: { select: { startsAt: true } },
      attendances: { where: { status: "present" }, select: { slotId: true }, take: 1 },
    },
  });
  if (!reg || reg.userId !== actor.userId) throw notFound("registration");
  if (+now < +reg.session.startsAt || !reg.attendances.length)
    throw invalid("registrationId", "survey_not_open");
  try {
    await db.trainingSurveyAnswer.create({
      data: { registrationId: input.registrationId, ratings: input.ratings, comment: input.comment },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("survey_already_answered", "registrationId");
    throw e;
  }
  return { registrationId: input.registrationId };
}
