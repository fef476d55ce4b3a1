import { z } from "zod";
import {
  answerSurvey,
  cancelRegistration,
  cancelSession,
  checkIn,
  checkInInput,
  consumptionInput,
  courseInput,
  createCourse,
  createSession,
  getCourse,
  getSession,
  getSheet,
  listCourses,
  listSessions,
  listSessionsInput,
  markAttendance,
  markInput,
  materialIdInput,
  register,
  registerInput,
  registrablePeople,
  registrationIdInput,
  removeMaterial,
  sessionHistory,
  sessionIdInput,
  sessionInput,
  signSheet,
  slotIdInput,
  surveyInput,
  trainingConsumption,
  updateCourse,
  updateCourseInput,
  updateSession,
  updateSessionInput,
} from "@mutuo/core/training";
import { authedProcedure, router } from "../trpc.ts";

const id = z.object({ id: z.uuid() });

export const trainingRouter = router({
  courses: authedProcedure.query(({ ctx }) => listCourses(ctx.db, ctx.actor)),
  course: authedProcedure
    .input(id)
    .query(({ ctx, input }) => getCourse(ctx.db, ctx.actor, input.id, ctx.now())),
  removeMaterial: authedProcedure
    .input(materialIdInput)
    .mutation(({ ctx, input }) => removeMaterial(ctx.db, ctx.files, ctx.actor, input)),
  createCourse: authedProcedure
    .input(courseInput)
    .mutation(({ ctx, input }) => createCourse(ctx.db, ctx.actor, input)),
  updateCourse: authedProcedure
    .input(updateCourseInput)
    .mutation(({ ctx, input }) => updateCourse(ctx.db, ctx.actor, input)),
  sessions: authedProcedure
    .input(listSessionsInput)
    .query(({ ctx, input }) => listSessions(ctx.db, ctx.actor, input, ctx.now())),
  session: authedProcedure
    .input(id)
    .query(({ ctx, input }) => getSession(ctx.db, ctx.actor, input.id, ctx.now())),
  history: authedProcedure
    .input(sessionIdInput)
    .query(({ ctx, input }) => sessionHistory(ctx.db, ctx.actor, input)),
  createSession: authedProcedure
    .input(sessionInput)
    .mutation(({ ctx, input }) => createSession(ctx.db, ctx.actor, input, ctx.now())),
  updateSession: authedProcedure
    .input(updateSessionInput)
    .mutation(({ ctx, input }) => updateSession(ctx.db, ctx.actor, input, ctx.now())),
  cancelSession: authedProcedure
    .input(id)
    .mutation(({ ctx, input }) => cancelSession(ctx.db, ctx.actor, input.id, ctx.now())),
  people: authedProcedure.input(id).query(({ ctx, input }) => registrablePeople(ctx.db, ctx.actor, input.id)),
  register: authedProcedure
    .input(registerInput)
    .mutation(({ ctx, input }) => register(ctx.db, ctx.actor, input, ctx.now())),
  cancelRegistration: authedProcedure
    .input(registrationIdInput)
    .mutation(({ ctx, input }) => cancelRegistration(ctx.db, ctx.actor, input.registrationId, ctx.now())),
  sheet: authedProcedure
    .input(slotIdInput)
    .query(({ ctx, input }) => getSheet(ctx.db, ctx.actor, input.slotId)),
  mark: authedProcedure
    .input(markInput)
    .mutation(({ ctx, input }) => markAttendance(ctx.db, ctx.actor, input, ctx.now())),
  signSheet: authedProcedure
    .input(slotIdInput)
    .mutation(({ ctx, input }) => signSheet(ctx.db, ctx.actor, input.slotId, ctx.now())),
  checkIn: authedProcedure
    .input(checkInInput)
    .mutation(({ ctx, input }) => checkIn(ctx.db, ctx.actor, input, ctx.now())),
  answerSurvey: authedProcedure
    .input(surveyInput)
    .mutation(({ ctx, input }) => answerSurvey(ctx.db, ctx.actor, input, ctx.now())),
  consumption: authedProcedure
    .input(consumptionInput)
    .query(({ ctx, input }) => trainingConsumption(ctx.db, ctx.actor, input, ctx.now())),
});
