// Training sessions: catalogue, sessions with slots, registrations with a waitlist, calendar
// invitations, attendance per half-day, surveys, certificates, days consumed.
export * from "./schema.ts";
export * from "./rules.ts";
export { createCourse, updateCourse, createSession, updateSession, cancelSession } from "./service.ts";
export { register, cancelRegistration, registrablePeople } from "./registrations.ts";
export { markAttendance, checkIn, signSheet } from "./attendance.ts";
export { answerSurvey } from "./survey.ts";
export { listCourses, getCourse, listSessions, getSession, getSheet, type SessionItem } from "./queries.ts";
export { signInSheetPdf, certificatePdf } from "./documents.ts";
export { trainingConsumption, billableTrainingActivities } from "./consumption.ts";
export { invitationIcs, eventUid, PARIS_VTIMEZONE } from "./ical.ts";
export { canManageTraining } from "./policy.ts";
export { addMaterial, removeMaterial, readMaterial, mayGetMaterials, MATERIAL_TYPES } from "./materials.ts";
export {
  recordTrainingEvent,
  sessionHistory,
  TRAINING_EVENT_KINDS,
  type TrainingEventRow,
} from "./events.ts";
export { sendReminders, afterSessions } from "./followups.ts";
export { trainingFollowUpsJob } from "./jobs/reminders.ts";
