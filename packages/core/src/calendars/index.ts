export * from "./schema.ts";
export { createCalendar, updateCalendar, addClosure, removeClosure } from "./service.ts";
export { listCalendars, getCalendar, previewCalendar } from "./queries.ts";
export { toEngineCalendar, dateOnly, fromDateOnly } from "./engine.ts";
