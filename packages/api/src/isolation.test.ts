// Isolation matrix: every tRPC procedure, found automatically, is called as an anonymous caller and
// as an agent of body A with the identifiers of body B's objects. Each must refuse, or answer
// without a trace of body B. Then staff act across bodies (links, unlinks, a cross-body merge, replies
// that e-mail the partner) and agent A reads their own objects through every procedure: nothing of
// the other bodies may appear anywhere in what they receive (responses, errors, e-mails). A new
// procedure without a line in `probes` and in `ownProbes` makes this test fail.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@mutuo/db/seed";
import { createTestDatabase, type TestDatabase } from "@mutuo/db/testing";
import { appRouter } from "./root.ts";
import { render } from "@mutuo/core/notifications";
import { errorData } from "./errors.ts";
import { ensureDefaultSubscriptions } from "@mutuo/core/reports";
import { callerFor } from "./testing.ts";

/** Public by nature: anyone may call them. Everything else must require a signed-in person. */
const PUBLIC = new Set(["health.check", "catalogue.list", "catalogue.countActive", "catalogue.get"]);

interface World {
  bodyB: { id: string; legalName: string; siret: string };
  userB: { id: string; email: string };
  sessionB: string;
  commune: string;
  conventionB: string;
  versionB: string;
  serviceB: string;
  documentB: string;
  calendar: string;
  closure: string;
  ticketB: string;
  ticketBNumber: string;
  ticketA: string;
  ticketANumber: string;
  bodyA: string;
  userA: string;
  conventionA: string;
  mailB: string;
  incomingB: string;
  viewB: string;
  cannedB: string;
  exportA: string;
  exportB: string;
  migration: {
    jobA: string;
    jobB: string;
    runB: string;
    runA: string;
    fileB: string;
    template: string;
    serviceA: string;
  };
  statementB: string;
  statementA: string;
  /** A scheduled report about body B (to its agents), and the built-in one of body A. */
  subscriptionB: string;
  subscriptionA: string;
  timeEntryB: string;
  assetB: string;
  assetA: string;
  kitB: string;
  accessoryB: string;
  assetFileB: string;
  assetKind: string;
  // Loans (issue 15)
  loanB: string;
  loanBNumber: string;
  loanDocB: string;
  lossB: string;
  reservationB: string;
  loanAssetB: string;
  loanA: string;
  loanDocA: string;
  lossA: string;
  loanAssetA: string;
  kindId: string;
  trainingCourse: string;
  trainingOpen: string;
  trainingDedicatedB: string;
  trainingSlotB: string;
  trainingRegistrationB: string;
  trainingRegistrationA: string;
  /** A course of a service body A has no convention for (and no registration in), with a material. */
  trainingCourseB: string;
  trainingMaterialB: string;
}

const terms = (calendarId: string) => ({
  calendarId,
  channels: ["portal"],
  equipmentCovered: "",
  targets: ["critical", "high", "medium", "low"].map((priority) => ({
    priority,
    interventionMinutes: 60,
    interventionBasis: "business",
    resolutionMinutes: 120,
    resolutionBasis: "business",
    warningPercent: 75,
  })),
});

/** Input for each procedure, aimed at body B's objects. */
const probes: Record<string, (w: World) => unknown> = {
  "reports.list": () => undefined,
  "reports.choices": () => undefined,
  "reports.read": (w) => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: { body: w.bodyB.id },
  }),
  "reports.breaches": (w) => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: { body: w.bodyB.id },
  }),
  "reports.subscriptions": () => undefined,
  "reports.subscribe": (w) => ({
    reportId: "sla",
    label: "Pirate",
    filters: {},
    frequency: "monthly",
    agentsOfBodyId: w.bodyB.id,
  }),
  "reports.unsubscribe": (w) => ({ id: w.subscriptionB }),
  "reports.runs": () => ({}),
  "reports.exportPlan": (w) => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: { body: w.bodyB.id },
  }),
  "reports.requestExport": (w) => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: { body: w.bodyB.id },
    format: "csv",
  }),
  "reports.exports": () => ({}),
  "reports.export": (w) => ({ id: w.exportB }),
  "reports.subscription": (w) => ({ id: w.subscriptionB }),
  "reports.updateSubscription": (w) => ({
    id: w.subscriptionB,
    label: "Pirate",
    filters: {},
    frequency: "weekly",
    toManagers: false,
    emails: ["pirate@example.com"],
    format: "link",
  }),
  "reports.pause": (w) => ({ id: w.subscriptionB, paused: true }),
  "health.check": () => undefined,
  "catalogue.list": () => undefined,
  "catalogue.countActive": () => undefined,
  "catalogue.get": (w) => ({ id: w.serviceB }),
  "catalogue.alerts": (w) => ({ id: w.serviceB }),
  "loans.list": (w) => ({ bodyId: w.bodyB.id }),
  "loans.get": (w) => ({ id: w.loanB }),
  "loans.formOptions": () => undefined,
  "loans.calendar": () => ({ from: "2026-11-30", weeks: 8 }),
  "loans.forAsset": (w) => ({ assetId: w.loanAssetB }),
  "loans.create": (w) => ({
    bodyId: w.bodyB.id,
    conventionId: w.conventionB,
    assetIds: [w.loanAssetB],
    startDate: "2030-01-01",
    endDate: "2030-01-02",
    address: "Pirate",
    contactName: "Pirate",
  }),
  "loans.cancel": (w) => ({ id: w.loanB }),
  "loans.saveInventory": (w) => ({ loanId: w.loanB, items: [], accessories: [], tests: [] }),
  "loans.startService": (w) => ({ id: w.loanB }),
  "loans.startReturn": (w) => ({ id: w.loanB }),
  "loans.saveReturn": (w) => ({ loanId: w.loanB, items: [], accessories: [] }),
  "loans.signOff": (w) => ({ documentId: w.loanDocB, sha256: "0".repeat(64) }),
  "loans.requestCode": (w) => ({ documentId: w.loanDocB, email: w.userB.email }),
  "loans.signOffOnSite": (w) => ({
    documentId: w.loanDocB,
    sha256: "0".repeat(64),
    email: w.userB.email,
    code: "123456",
  }),
  "loans.declareLoss": (w) => ({
    loanId: w.loanB,
    kind: "loss",
    assetIds: [w.loanAssetB],
    discoveredAt: new Date("2026-01-01T00:00:00Z"),
    circumstances: "Pirate",
  }),
  "loans.setClaim": (w) => ({ declarationId: w.lossB, claimStatus: "refused" }),
  "loans.addLossFile": (w) => ({
    declarationId: w.lossB,
    field: "proofOfInsurance",
    name: "pirate.pdf",
    mimeType: "application/pdf",
    contentBase64: Buffer.from("%PDF-1.4 pirate").toString("base64"),
  }),
  "loans.recordRemedy": (w) => ({
    declarationId: w.lossB,
    remedy: "replacement",
    replacementSerial: "PIRATE",
  }),
  "loans.reserve": (w) => ({
    assetId: w.loanAssetB,
    startDate: "2030-01-01",
    endDate: "2030-01-02",
    purpose: "Pirate",
  }),
  "loans.cancelReservation": (w) => ({ id: w.reservationB }),
  "loans.templates": () => undefined,
  "loans.saveTemplate": (w) => ({ kindId: w.kindId, tests: ["Pirate"] }),
  "catalogue.create": () => ({ code: "PIRATE", name: "Service pirate" }),
  "catalogue.update": (w) => ({ id: w.serviceB, service: { code: "PIRATE", name: "Renamed" } }),
  "catalogue.setDefaultTerms": (w) => ({ serviceId: w.serviceB, terms: terms(w.calendar) }),
  "calendars.list": () => undefined,
  "calendars.get": (w) => ({ id: w.calendar }),
  "calendars.preview": (w) => ({ id: w.calendar }),
  "calendars.create": () => ({ name: "Pirate", weekly: { 1: [{ from: "08:00", to: "12:00" }] } }),
  "calendars.update": (w) => ({
    id: w.calendar,
    calendar: { name: "Pirate", weekly: { 1: [{ from: "08:00", to: "12:00" }] } },
  }),
  "calendars.addClosure": (w) => ({
    calendarId: w.calendar,
    startDate: "2026-12-01",
    endDate: "2026-12-02",
    label: "Pirate",
  }),
  "calendars.removeClosure": (w) => ({ id: w.closure }),
  "mailbox.list": () => ({}),
  "mailbox.get": (w) => ({ id: w.mailB }),
  "mailbox.retry": (w) => ({ id: w.mailB }),
  "mailbox.retryAllFailed": () => undefined,
  "mailbox.testConfiguration": () => undefined,
  "mailbox.lastTest": () => undefined,
  "mailbox.health": () => undefined,
  "incoming.list": () => ({ view: "all" }),
  "incoming.count": () => undefined,
  "incoming.get": (w) => ({ id: w.incomingB }),
  "incoming.accept": (w) => ({ id: w.incomingB, as: "reply" }),
  "incoming.reject": (w) => ({ id: w.incomingB }),
  "retention.settings": () => undefined,
  "retention.preview": () => ({}),
  "retention.update": () => ({ declarantMonths: 1 }),
  "tickets.list": (w) => ({ bodyId: w.bodyB.id }),
  "tickets.counts": () => undefined,
  "tickets.get": (w) => ({ id: w.ticketB }),
  "tickets.search": () => ({ q: "Secret de B" }),
  "tickets.byNumber": (w) => ({ q: w.ticketBNumber }),
  "search.global": (w) => ({ q: w.ticketBNumber }),
  "tickets.services": (w) => ({ bodyId: w.bodyB.id }),
  "tickets.assignable": () => undefined,
  "tickets.create": (w) => ({
    bodyId: w.bodyB.id,
    serviceId: w.serviceB,
    subject: "Pirate",
    description: "Ticket au nom d'un autre organisme",
    category: "fault",
    impact: "low",
    urgency: "low",
    declarantName: "Pirate",
  }),
  "tickets.setStatus": (w) => ({ ticketId: w.ticketB, status: "cancelled" }),
  "tickets.assign": (w) => ({ ticketId: w.ticketB, assigneeId: null }),
  "tickets.bulk": (w) => ({ ticketIds: [w.ticketB], status: "cancelled" }),
  "tickets.setPriority": (w) => ({ ticketId: w.ticketB, impact: "low", urgency: "low" }),
  "tickets.setService": (w) => ({ ticketId: w.ticketB, serviceId: w.serviceB }),
  "tickets.setDiagnosis": (w) => ({ ticketId: w.ticketB, diagnosis: "Pirate", estimatedRestorationAt: null }),
  "tickets.setDeadline": (w) => ({
    ticketId: w.ticketB,
    target: "resolution",
    dueAt: null,
    reason: "Pirate",
  }),
  "tickets.addMessage": (w) => ({ ticketId: w.ticketB, kind: "reply", body: "Pirate" }),
  "tickets.rate": (w) => ({ ticketId: w.ticketB, score: 1 }),
  "tickets.merge": (w) => ({ ticketId: w.ticketA, intoNumber: w.ticketBNumber }),
  "tickets.link": (w) => ({ ticketId: w.ticketA, otherNumber: w.ticketBNumber }),
  "tickets.unlink": (w) => ({ ticketId: w.ticketB, otherId: w.ticketA }),
  "tickets.changes": (w) => ({ bodyId: w.bodyB.id }),
  "views.list": () => undefined,
  "views.create": (w) => ({ name: "Pirate", filters: { body: w.bodyB.id } }),
  "views.rename": (w) => ({ id: w.viewB, name: "Pirate" }),
  "views.remove": (w) => ({ id: w.viewB }),
  "tickets.context": (w) => ({ id: w.ticketB }),
  "tickets.heartbeat": (w) => ({ ticketId: w.ticketB, replying: true }),
  "tickets.leave": (w) => ({ ticketId: w.ticketB }),
  "cannedReplies.list": () => undefined,
  "cannedReplies.get": (w) => ({ id: w.cannedB }),
  "cannedReplies.forTicket": (w) => ({ ticketId: w.ticketB }),
  "cannedReplies.create": () => ({ title: "Pirate", body: "Réponse pirate", shared: true }),
  "cannedReplies.update": (w) => ({ id: w.cannedB, title: "Pirate", body: "Réponse pirate", shared: false }),
  "cannedReplies.remove": (w) => ({ id: w.cannedB }),
  "conventions.list": (w) => ({ bodyId: w.bodyB.id }),
  "conventions.get": (w) => ({ id: w.conventionB }),
  "conventions.termsOn": (w) => ({ conventionId: w.conventionB, date: "2026-06-01" }),
  "conventions.needingAttention": () => undefined,
  "conventions.create": (w) => ({
    title: "Pirate",
    deliberationRef: "X",
    signatoryBodyId: w.bodyB.id,
    startDate: "2026-01-01",
  }),
  "conventions.update": (w) => ({
    id: w.conventionB,
    convention: {
      title: "Pirate",
      deliberationRef: "X",
      signatoryBodyId: w.bodyB.id,
      startDate: "2026-01-01",
    },
  }),
  "conventions.setTerms": (w) => ({ versionId: w.versionB, serviceId: w.serviceB, terms: terms(w.calendar) }),
  "conventions.removeService": (w) => ({ versionId: w.versionB, serviceId: w.serviceB }),
  "conventions.amend": (w) => ({
    conventionId: w.conventionB,
    effectiveFrom: "2027-01-01",
    summary: "Pirate",
  }),
  "conventions.signAmendment": (w) => ({ id: w.versionB }),
  "conventions.discardAmendment": (w) => ({ id: w.versionB }),
  "conventions.activate": (w) => ({ id: w.conventionB }),
  "conventions.giveNotice": (w) => ({
    conventionId: w.conventionB,
    noticeDate: "2026-06-01",
    givenBy: "partner",
  }),
  "conventions.terminate": (w) => ({
    conventionId: w.conventionB,
    terminatedOn: "2026-06-01",
    reason: "Pirate",
  }),
  "conventions.renew": (w) => ({ conventionId: w.conventionB, newEndDate: "2030-12-31" }),
  "conventions.addDocument": (w) => ({
    conventionId: w.conventionB,
    label: "Pirate",
    fileName: "x.pdf",
    mimeType: "application/pdf",
    contentBase64: Buffer.from("%PDF-1.4").toString("base64"),
  }),
  "conventions.removeDocument": (w) => ({ id: w.documentB }),
  "bodies.list": (w) => ({ q: w.bodyB.legalName }),
  "bodies.countByKind": () => undefined,
  "bodies.get": (w) => ({ id: w.bodyB.id }),
  "bodies.communes": () => undefined,
  "bodies.create": () => ({ legalName: "Commune pirate", kind: "association", siret: "73282932000074" }),
  "bodies.update": (w) => ({
    id: w.bodyB.id,
    body: { legalName: "Renamed", kind: "commune", siret: w.bodyB.siret, inseeCode: "45902" },
  }),
  "bodies.importCsv": () => ({
    content: "raison_sociale;type;siret\nAsso pirate;association;73282932000074\n",
  }),
  "people.list": (w) => ({ bodyId: w.bodyB.id }),
  "people.get": (w) => ({ userId: w.userB.id }),
  "people.invite": (w) => ({
    email: "intrus@example.test",
    name: "Intrus",
    role: "agent",
    bodyIds: [w.bodyB.id],
  }),
  "people.resendInvitation": (w) => ({ userId: w.userB.id }),
  "people.update": (w) => ({
    userId: w.userB.id,
    name: "Renamed",
    role: "agent",
    bodyIds: [w.bodyB.id],
    active: false,
  }),
  "people.exportData": (w) => ({ userId: w.userB.id }),
  "people.anonymise": (w) => ({ userId: w.userB.id }),
  "people.resetSecondFactor": (w) => ({ userId: w.userB.id }),
  "audit.history": (w) => ({ entityType: "Body", entityId: w.bodyB.id }),
  "audit.search": (w) => ({ entityId: w.bodyB.id }),
  "billing.grids": () => undefined,
  "billing.grid": (w) => ({ id: w.statementB }),
  "billing.createGrid": (w) => ({
    serviceId: w.serviceB,
    label: "Pirate",
    validFrom: "2040-01-01",
    subscription: { mode: "flat", priceCents: 1 },
  }),
  "billing.updateGrid": (w) => ({
    id: w.statementB,
    grid: { serviceId: w.serviceB, label: "Pirate", validFrom: "2040-01-01", subscription: { mode: "none" } },
  }),
  "billing.nextGridVersion": (w) => ({
    fromId: w.statementB,
    grid: { serviceId: w.serviceB, label: "Pirate", validFrom: "2041-01-01", subscription: { mode: "none" } },
  }),
  "billing.plans": () => undefined,
  "billing.plan": (w) => ({ id: w.statementB }),
  "billing.createPlan": (w) => ({
    name: "Pirate",
    globalCostCents: 100,
    periodFrom: "2026-01-01",
    periodTo: "2026-12-31",
    populationYear: 2025,
    providerRates: { commune: 50 },
    memberIds: [w.bodyB.id],
  }),
  "billing.updatePlan": (w) => ({
    id: w.statementB,
    plan: {
      name: "Pirate",
      globalCostCents: 100,
      periodFrom: "2026-01-01",
      periodTo: "2026-12-31",
      populationYear: 2025,
      providerRates: { commune: 50 },
      memberIds: [w.bodyB.id],
    },
  }),
  "billing.budgetCodes": () => undefined,
  "billing.addBudgetCode": () => ({
    lineKind: "time",
    bodyKind: "commune",
    fromYear: 2026,
    chapter: "70",
    article: "7088",
    function: "020",
  }),
  "billing.removeBudgetCode": (w) => ({ id: w.statementB }),
  "billing.bodies": () => undefined,
  "billing.setInvoicing": (w) => ({ bodyId: w.bodyB.id, invoicingRequirement: "both" }),
  "billing.setWaiver": (w) => ({ conventionId: w.conventionB, waived: true }),
  "billing.timeEntries": (w) => ({ ticketId: w.ticketB }),
  "billing.logTime": (w) => ({
    ticketId: w.ticketB,
    workedOn: "2026-06-01",
    minutes: 30,
    profile: "technician",
  }),
  "billing.jobTimeEntries": (w) => ({ migrationJobId: w.migration.jobB }),
  "billing.logJobTime": (w) => ({
    migrationJobId: w.migration.jobB,
    workedOn: "2026-06-01",
    minutes: 30,
    profile: "technician",
    comment: "Pirate",
  }),
  "billing.removeTime": (w) => ({ id: w.timeEntryB }),
  "billing.draft": (w) => ({ bodyId: w.bodyB.id, from: "2026-01-01", to: "2026-12-31" }),
  "billing.issue": (w) => ({ bodyId: w.bodyB.id, from: "2030-01-01", to: "2030-12-31" }),
  "billing.statements": (w) => ({ bodyId: w.bodyB.id }),
  "billing.statement": (w) => ({ id: w.statementB }),
  "billing.recordPayment": (w) => ({ statementId: w.statementB, amountCents: 1, paidOn: "2026-06-01" }),
  "billing.creditNote": (w) => ({ statementId: w.statementB, amountCents: 1, reason: "Pirate" }),
  "billing.year": () => ({ year: 2026 }),
  "assets.list": (w) => ({ bodyId: w.bodyB.id }),
  "assets.get": (w) => ({ id: w.assetB }),
  "assets.heldBy": (w) => ({ bodyId: w.bodyB.id }),
  "assets.kinds": () => undefined,
  "assets.create": (w) => ({ tag: "PIRATE-1", kindId: w.assetKind, status: "lent", bodyId: w.bodyB.id }),
  "assets.update": (w) => ({ id: w.assetB, tag: "PIRATE-2", kindId: w.assetKind }),
  "assets.addKitItem": (w) => ({ kitId: w.kitB, item: "ISO-B-1" }),
  "assets.removeKitItem": (w) => ({ kitId: w.kitB, itemId: w.assetB }),
  "assets.addAccessory": (w) => ({ kitId: w.kitB, label: "Pirate", quantity: 1 }),
  "assets.removeAccessory": (w) => ({ id: w.accessoryB }),
  "assets.createKind": () => ({ code: "pirate", label: "Pirate" }),
  "assets.updateKind": (w) => ({ id: w.assetKind, code: "laptop", label: "Pirate" }),
  "assets.addFile": (w) => ({
    assetId: w.assetB,
    fileName: "x.pdf",
    mimeType: "application/pdf",
    contentBase64: Buffer.from("%PDF-1.4").toString("base64"),
  }),
  "assets.removeFile": (w) => ({ id: w.assetFileB }),
  "assets.importCsv": () => ({ content: "etiquette;type\nPIRATE-3;laptop\n" }),
  "me.get": () => undefined,
  "me.setActiveBody": (w) => ({ bodyId: w.bodyB.id }),
  "me.sessions": () => undefined,
  "me.revokeSession": (w) => ({ sessionId: w.sessionB }),
  "me.revokeOtherSessions": () => undefined,
  "me.exportData": () => undefined,
  "me.regenerateRecoveryCodes": () => undefined,
  "me.notificationPrefs": () => undefined,
  "me.setNotificationPrefs": () => ({
    locale: "fr",
    categories: {
      ticket_updates: true,
      assignments: true,
      sla_alerts: true,
      convention_alerts: true,
      daily_digest: true,
    },
  }),
  "migrations.list": (w) => ({ bodyId: w.bodyB.id }),
  "migrations.get": (w) => ({ id: w.migration.jobB }),
  "migrations.progress": (w) => ({ id: w.migration.jobB }),
  "migrations.errors": (w) => ({ runId: w.migration.runB }),
  "migrations.staging": (w) => ({ id: w.migration.jobB }),
  "migrations.formOptions": () => undefined,
  "migrations.templates": () => ({}),
  "migrations.createTemplate": (w) => ({
    serviceId: w.serviceB,
    name: "Pirate",
    columns: [{ name: "a", label: "A", type: "text", required: false }],
  }),
  "migrations.updateTemplate": (w) => ({
    id: w.migration.template,
    template: { serviceId: w.serviceB, name: "Pirate", columns: [{ name: "a", label: "A", type: "text" }] },
  }),
  "migrations.create": (w) => ({
    bodyId: w.bodyB.id,
    serviceId: w.serviceB,
    templateId: w.migration.template,
    title: "Pirate",
    ownerId: w.userA,
  }),
  "migrations.cancel": (w) => ({ id: w.migration.jobB, reason: "Pirate" }),
  "migrations.fail": (w) => ({ id: w.migration.jobB, reason: "Pirate" }),
  "migrations.setFileSettings": (w) => ({ fileId: w.migration.fileB, delimiter: "," }),
  "migrations.setMapping": (w) => ({ id: w.migration.jobB, mapping: {}, badRowPolicy: "load_valid" }),
  "migrations.saveAsTemplate": (w) => ({ id: w.migration.jobB, name: "Pirate" }),
  "migrations.check": (w) => ({ id: w.migration.jobB }),
  "migrations.testLoad": (w) => ({ id: w.migration.jobB }),
  "migrations.cancelRun": (w) => ({ runId: w.migration.runB }),
  "migrations.signOff": (w) => ({ id: w.migration.jobB }),
  "migrations.load": (w) => ({ id: w.migration.jobB }),
  "migrations.remove": (w) => ({ id: w.migration.jobB }),
  "migrations.complete": (w) => ({ id: w.migration.jobB }),
  "training.courses": () => undefined,
  "training.course": (w) => ({ id: w.trainingCourseB }),
  "training.removeMaterial": (w) => ({ id: w.trainingMaterialB }),
  "training.history": (w) => ({ id: w.trainingDedicatedB }),
  "training.createCourse": (w) => ({
    serviceId: w.serviceB,
    title: "Pirate",
    durationHalfDays: 2,
    format: "on_site",
    defaultCapacity: 5,
  }),
  "training.updateCourse": (w) => ({
    id: w.trainingCourse,
    serviceId: w.serviceB,
    title: "Pirate",
    durationHalfDays: 2,
    format: "on_site",
    defaultCapacity: 5,
  }),
  "training.sessions": () => ({ when: "all" }),
  "training.session": (w) => ({ id: w.trainingDedicatedB }),
  "training.createSession": (w) => ({
    courseId: w.trainingCourse,
    slots: [{ date: "2030-01-07", start: "09:00", end: "12:00" }],
    trainerName: "Pirate",
    capacity: 3,
  }),
  "training.updateSession": (w) => ({
    id: w.trainingDedicatedB,
    session: {
      courseId: w.trainingCourse,
      slots: [{ date: "2030-01-07", start: "09:00", end: "12:00" }],
      trainerName: "Pirate",
      capacity: 3,
    },
  }),
  "training.cancelSession": (w) => ({ id: w.trainingDedicatedB }),
  "training.people": (w) => ({ id: w.trainingDedicatedB }),
  "training.register": (w) => ({ sessionId: w.trainingDedicatedB }),
  "training.cancelRegistration": (w) => ({ registrationId: w.trainingRegistrationB }),
  "training.sheet": (w) => ({ slotId: w.trainingSlotB }),
  "training.mark": (w) => ({
    slotId: w.trainingSlotB,
    registrationId: w.trainingRegistrationB,
    status: "absent",
  }),
  "training.signSheet": (w) => ({ slotId: w.trainingSlotB }),
  "training.checkIn": (w) => ({ sessionId: w.trainingDedicatedB, code: "ABCDEF" }),
  "training.answerSurvey": (w) => ({
    registrationId: w.trainingRegistrationB,
    ratings: { content: 1, trainer: 1, organisation: 1, usefulness: 1 },
    comment: "Pirate",
  }),
  "training.consumption": (w) => ({ bodyId: w.bodyB.id }),
};

/** Input for each procedure aimed at agent A's own objects ("foreign": the probe above serves). */
const ownProbes: Record<string, ((w: World) => unknown) | "foreign"> = {
  "reports.list": "foreign",
  "reports.choices": "foreign",
  "reports.read": (w) => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: { body: w.bodyA },
  }),
  "reports.breaches": (w) => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: { body: w.bodyA },
  }),
  "reports.subscriptions": "foreign",
  "reports.subscribe": "foreign",
  "reports.unsubscribe": "foreign",
  "reports.runs": "foreign",
  "reports.exportPlan": (w) => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: { body: w.bodyA },
  }),
  "reports.requestExport": () => ({
    reportId: "sla",
    period: { kind: "year", month: "2026-01" },
    filters: {},
    format: "xlsx",
  }),
  "reports.exports": "foreign",
  "reports.export": (w) => ({ id: w.exportA }),
  // Even their own body's scheduled report: an agent neither reads nor edits nor pauses it.
  "reports.subscription": (w) => ({ id: w.subscriptionA }),
  "reports.updateSubscription": (w) => ({
    id: w.subscriptionA,
    label: "Le nôtre",
    filters: { body: w.bodyA },
    frequency: "weekly",
    toManagers: false,
    agentsOfBodyId: w.bodyA,
    emails: [],
    format: "pdf",
  }),
  "reports.pause": (w) => ({ id: w.subscriptionA, paused: true }),
  "health.check": "foreign",
  "catalogue.list": "foreign",
  "catalogue.countActive": "foreign",
  "catalogue.get": "foreign",
  "catalogue.create": "foreign",
  "catalogue.update": "foreign",
  "catalogue.setDefaultTerms": "foreign",
  "calendars.list": "foreign",
  "calendars.get": "foreign",
  "calendars.preview": "foreign",
  "calendars.create": "foreign",
  "calendars.update": "foreign",
  "calendars.addClosure": "foreign",
  "calendars.removeClosure": "foreign",
  "mailbox.list": "foreign",
  "mailbox.get": "foreign",
  "mailbox.retry": "foreign",
  "mailbox.retryAllFailed": "foreign",
  "incoming.list": "foreign",
  "incoming.count": "foreign",
  "incoming.get": "foreign",
  "incoming.accept": "foreign",
  "incoming.reject": "foreign",
  "tickets.list": () => ({}),
  "tickets.counts": "foreign",
  "tickets.get": (w) => ({ id: w.ticketA }),
  "tickets.search": () => ({ q: "Ticket de A" }),
  "tickets.services": (w) => ({ bodyId: w.bodyA }),
  "tickets.assignable": "foreign",
  "tickets.create": (w) => ({ ...(probes["tickets.create"]!(w) as object), bodyId: w.bodyA }),
  "tickets.setStatus": (w) => ({ ticketId: w.ticketA, status: "in_progress" }),
  "tickets.assign": (w) => ({ ticketId: w.ticketA, assigneeId: null }),
  "tickets.bulk": (w) => ({ ticketIds: [w.ticketA], status: "cancelled" }),
  "tickets.setPriority": (w) => ({ ticketId: w.ticketA, impact: "low", urgency: "low" }),
  "tickets.setService": (w) => ({ ticketId: w.ticketA, serviceId: w.serviceB }),
  "tickets.setDiagnosis": (w) => ({ ticketId: w.ticketA, diagnosis: "Pirate", estimatedRestorationAt: null }),
  "tickets.setDeadline": (w) => ({
    ticketId: w.ticketA,
    target: "resolution",
    dueAt: null,
    reason: "Pirate",
  }),
  "tickets.addMessage": (w) => ({ ticketId: w.ticketA, kind: "reply", body: "Réponse de A" }),
  "tickets.rate": (w) => ({ ticketId: w.ticketA, score: 4 }),
  "tickets.merge": (w) => ({ ticketId: w.ticketA, intoNumber: w.ticketBNumber }),
  "tickets.link": (w) => ({ ticketId: w.ticketA, otherNumber: w.ticketBNumber }),
  "tickets.unlink": (w) => ({ ticketId: w.ticketA, otherId: w.ticketB }),
  "conventions.list": () => ({}),
  "loans.list": () => ({}),
  "loans.get": (w) => ({ id: w.loanA }),
  "loans.formOptions": () => undefined,
  "loans.calendar": () => ({ from: "2026-11-30", weeks: 8 }),
  "loans.forAsset": (w) => ({ assetId: w.loanAssetA }),
  "loans.signOff": (w) => ({ documentId: w.loanDocA, sha256: "0".repeat(64) }),
  "loans.declareLoss": (w) => ({
    loanId: w.loanA,
    kind: "loss",
    assetIds: [w.loanAssetA],
    discoveredAt: new Date("2026-01-01T00:00:00Z"),
    circumstances: "Perdu au déménagement",
  }),
  "loans.addLossFile": (w) => ({
    declarationId: w.lossA,
    field: "insurerAnswer",
    name: "reponse.pdf",
    mimeType: "application/pdf",
    contentBase64: Buffer.from("%PDF-1.4 réponse").toString("base64"),
  }),
  "loans.create": "foreign",
  "loans.cancel": "foreign",
  "loans.saveInventory": "foreign",
  "loans.startService": "foreign",
  "loans.startReturn": "foreign",
  "loans.saveReturn": "foreign",
  "loans.requestCode": "foreign",
  "loans.signOffOnSite": "foreign",
  "loans.setClaim": "foreign",
  "loans.recordRemedy": "foreign",
  "loans.reserve": "foreign",
  "loans.cancelReservation": "foreign",
  "loans.templates": "foreign",
  "loans.saveTemplate": "foreign",
  "conventions.get": (w) => ({ id: w.conventionA }),
  "conventions.termsOn": (w) => ({ conventionId: w.conventionA, date: "2026-06-01" }),
  "conventions.needingAttention": "foreign",
  "conventions.create": "foreign",
  "conventions.update": "foreign",
  "conventions.setTerms": "foreign",
  "conventions.removeService": "foreign",
  "conventions.amend": "foreign",
  "conventions.signAmendment": "foreign",
  "conventions.discardAmendment": "foreign",
  "conventions.activate": "foreign",
  "conventions.giveNotice": "foreign",
  "conventions.terminate": "foreign",
  "conventions.renew": "foreign",
  "conventions.addDocument": "foreign",
  "conventions.removeDocument": "foreign",
  "bodies.list": () => ({}),
  "bodies.countByKind": "foreign",
  "bodies.get": (w) => ({ id: w.bodyA }),
  "bodies.communes": "foreign",
  "bodies.create": "foreign",
  "bodies.update": "foreign",
  "bodies.importCsv": "foreign",
  "people.list": () => ({}),
  "people.get": (w) => ({ userId: w.userA }),
  "people.invite": "foreign",
  "people.resendInvitation": "foreign",
  "people.update": "foreign",
  "people.exportData": (w) => ({ userId: w.userA }),
  "people.anonymise": "foreign",
  "audit.history": (w) => ({ entityType: "Body", entityId: w.bodyA }),
  "audit.search": "foreign",
  "billing.grids": "foreign",
  "billing.grid": "foreign",
  "billing.createGrid": "foreign",
  "billing.updateGrid": "foreign",
  "billing.plans": "foreign",
  "billing.plan": "foreign",
  "billing.createPlan": "foreign",
  "billing.updatePlan": "foreign",
  "billing.budgetCodes": "foreign",
  "billing.addBudgetCode": "foreign",
  "billing.removeBudgetCode": "foreign",
  "billing.bodies": "foreign",
  "billing.setInvoicing": "foreign",
  "billing.setWaiver": "foreign",
  "billing.timeEntries": "foreign",
  "billing.logTime": "foreign",
  "billing.nextGridVersion": "foreign",
  "billing.jobTimeEntries": "foreign",
  "billing.logJobTime": "foreign",
  "billing.removeTime": "foreign",
  "billing.draft": (w) => ({ bodyId: w.bodyA, from: "2026-01-01", to: "2026-12-31" }),
  "billing.issue": "foreign",
  "billing.statements": () => ({}),
  "billing.statement": (w) => ({ id: w.statementA }),
  "billing.recordPayment": "foreign",
  "billing.creditNote": "foreign",
  "billing.year": "foreign",
  "assets.list": () => ({}),
  "assets.get": (w) => ({ id: w.assetA }),
  "assets.heldBy": (w) => ({ bodyId: w.bodyA }),
  "assets.kinds": "foreign",
  "assets.create": "foreign",
  "assets.update": "foreign",
  "assets.addKitItem": "foreign",
  "assets.removeKitItem": "foreign",
  "assets.addAccessory": "foreign",
  "assets.removeAccessory": "foreign",
  "assets.createKind": "foreign",
  "assets.updateKind": "foreign",
  "assets.addFile": "foreign",
  "assets.removeFile": "foreign",
  "assets.importCsv": "foreign",
  "me.get": "foreign",
  "me.setActiveBody": (w) => ({ bodyId: w.bodyA }),
  "me.sessions": "foreign",
  "me.revokeSession": "foreign",
  "me.revokeOtherSessions": "foreign",
  "me.exportData": "foreign",
  "me.notificationPrefs": "foreign",
  "me.setNotificationPrefs": "foreign",
  "cannedReplies.create": "foreign",
  "cannedReplies.forTicket": (w) => ({ ticketId: w.ticketA }),
  "cannedReplies.get": "foreign",
  "cannedReplies.list": "foreign",
  "cannedReplies.remove": "foreign",
  "cannedReplies.update": "foreign",
  "catalogue.alerts": "foreign",
  "mailbox.health": "foreign",
  "mailbox.lastTest": "foreign",
  "mailbox.testConfiguration": "foreign",
  "me.regenerateRecoveryCodes": "foreign",
  "people.resetSecondFactor": "foreign",
  "retention.preview": "foreign",
  "retention.settings": "foreign",
  "retention.update": "foreign",
  "search.global": "foreign",
  "tickets.byNumber": "foreign",
  "tickets.changes": () => ({}),
  "tickets.context": (w) => ({ id: w.ticketA }),
  "tickets.heartbeat": (w) => ({ ticketId: w.ticketA, replying: true }),
  "tickets.leave": (w) => ({ ticketId: w.ticketA }),
  "views.create": "foreign",
  "views.list": "foreign",
  "views.remove": "foreign",
  "views.rename": "foreign",
  "migrations.list": () => ({}),
  "migrations.get": (w) => ({ id: w.migration.jobA }),
  "migrations.progress": (w) => ({ id: w.migration.jobA }),
  "migrations.errors": (w) => ({ runId: w.migration.runA }),
  "migrations.staging": (w) => ({ id: w.migration.jobA }),
  "migrations.formOptions": "foreign",
  "migrations.templates": "foreign",
  "migrations.createTemplate": "foreign",
  "migrations.updateTemplate": "foreign",
  "migrations.create": "foreign",
  "migrations.cancel": "foreign",
  "migrations.fail": "foreign",
  "migrations.setFileSettings": "foreign",
  "migrations.setMapping": "foreign",
  "migrations.saveAsTemplate": "foreign",
  "migrations.check": "foreign",
  "migrations.testLoad": "foreign",
  "migrations.cancelRun": "foreign",
  "migrations.signOff": (w) => ({ id: w.migration.jobA }),
  "migrations.load": "foreign",
  "migrations.remove": "foreign",
  "migrations.complete": "foreign",
  "training.courses": "foreign",
  "training.course": (w) => ({ id: w.trainingCourse }),
  "training.removeMaterial": "foreign",
  "training.history": (w) => ({ id: w.trainingOpen }),
  "training.createCourse": "foreign",
  "training.updateCourse": "foreign",
  "training.sessions": () => ({ when: "all" }),
  "training.session": (w) => ({ id: w.trainingOpen }),
  "training.createSession": "foreign",
  "training.updateSession": "foreign",
  "training.cancelSession": "foreign",
  "training.people": (w) => ({ id: w.trainingOpen }),
  "training.register": (w) => ({ sessionId: w.trainingOpen }),
  "training.cancelRegistration": (w) => ({ registrationId: w.trainingRegistrationA }),
  "training.sheet": "foreign",
  "training.mark": "foreign",
  "training.signSheet": "foreign",
  "training.checkIn": (w) => ({ sessionId: w.trainingOpen, code: "ABCDEF" }),
  "training.answerSurvey": (w) => ({
    registrationId: w.trainingRegistrationA,
    ratings: { content: 5, trainer: 5, organisation: 5, usefulness: 5 },
    comment: "",
  }),
  "training.consumption": (w) => ({ bodyId: w.bodyA }),
};

/** Loans of body B (and of A, the agent's own): a loan with its inventory, a loss declared, a reservation. */
async function loanWorld(db: ReturnType<TestDatabase["prisma"]>, url: string, w: World) {
  const tech = await callerFor(db, url, "tech@val-orlene.example");
  const kind = await db.assetKind.findUniqueOrThrow({ where: { code: "switch" } });
  const asset = async (tag: string) =>
    (
      await db.asset.create({
        data: {
          tag,
          serialNumber: `SN-${tag}`,
          kindId: kind.id,
          model: tag.startsWith("ISO-LB") ? "Secret de B" : "Modèle A",
        },
      })
    ).id;
  const [assetB, assetA, assetR] = [
    await asset("ISO-LB-1"),
    await asset("ISO-LA-1"),
    await asset("ISO-LB-2"),
  ];
  const lend = async (bodyId: string, conventionId: string, assetId: string) => {
    const loan = await tech.loans.create({
      bodyId,
      conventionId,
      assetIds: [assetId],
      startDate: "2026-01-05",
      endDate: "2026-12-30",
      address: bodyId === w.bodyB.id ? "Secret de B" : "Mairie de A",
      contactName: "Contact",
    });
    const doc = await db.loanDocument.findFirstOrThrow({ where: { loanId: loan.id } });
    const loss = await db.lossDeclaration.create({
      data: {
        loanId: loan.id,
        kind: "loss",
        assetIds: [assetId],
        discoveredAt: new Date("2026-03-01T08:00:00Z"),
        declaredAt: new Date("2026-03-01T10:00:00Z"),
        circumstances: bodyId === w.bodyB.id ? "Secret de B" : "Perdu",
        declaredByName: "Déclarant",
      },
    });
    return { loan, doc: doc.id, loss: loss.id };
  };
  const b = await lend(w.bodyB.id, w.conventionB, assetB);
  const a = await lend(w.bodyA, w.conventionA, assetA);
  await db.loan.update({ where: { id: a.loan.id }, data: { status: "in_service" } });
  const reservation = await tech.loans.reserve({
    assetId: assetR,
    bodyId: w.bodyB.id,
    startDate: "2030-06-01",
    endDate: "2030-06-10",
    purpose: "Secret de B",
  });
  return {
    loanB: b.loan.id,
    loanBNumber: b.loan.number,
    loanDocB: b.doc,
    lossB: b.loss,
    reservationB: reservation.id,
    loanAssetB: assetB,
    loanA: a.loan.id,
    loanDocA: a.doc,
    lossA: a.loss,
    loanAssetA: assetA,
    kindId: kind.id,
  };
}

const serialize = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)) ?? "";

type Proc = (input: unknown) => Promise<unknown>;
function procedureOf(caller: object, path: string): Proc {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Proc;
}

describe("isolation matrix", () => {
  let tdb: TestDatabase;
  let world: World;
  const paths = Object.keys(
    (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures,
  ).sort();

  beforeAll(async () => {
    tdb = await createTestDatabase();
    const db = tdb.prisma();
    await seedDemo(db);
    const bodyB = await db.body.findFirstOrThrow({ where: { legalName: "Commune de Bellerive-sur-Orlène" } });
    const userB = await db.user.findUniqueOrThrow({ where: { email: "agent@bellerive.example" } });
    const sessionB = await db.session.create({
      data: { id: "b".repeat(64), userId: userB.id, expiresAt: new Date(Date.now() + 3600_000) },
    });
    const commune = (
      await db.body.findFirstOrThrow({ where: { legalName: "Commune de Saint-Aubin-des-Vignes" } })
    ).id;
    const conventionB = await db.convention.findFirstOrThrow({
      where: { signatoryBodyId: bodyB.id },
      include: { versions: { include: { termSets: true } } },
    });
    const versionB = conventionB.versions[0]!;
    const file = await db.storedFile.create({
      data: {
        storageKey: "00/00000000-0000-4000-8000-000000000000",
        name: "b.pdf",
        mimeType: "application/pdf",
        size: 1,
        sha256: "0".repeat(64),
      },
    });
    const documentB = await db.conventionDocument.create({
      data: { conventionId: conventionB.id, fileId: file.id, label: "Secret de B" },
    });
    const calendar = await db.businessCalendar.findFirstOrThrow({ include: { closures: true } });
    const ticket = (bodyId: string, subject: string) =>
      db.ticket.create({
        data: {
          number: `SOS-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
          bodyId,
          serviceId: versionB.termSets[0]!.serviceId,
          subject,
          description: subject,
          category: "fault",
          impact: "low",
          urgency: "low",
          priority: "low",
          channel: "portal",
          declarantName: "Déclarant",
          receivedAt: new Date(),
        },
      });
    const ticketB = await ticket(bodyB.id, "Secret de B");
    const bodyA = await db.body.findFirstOrThrow({
      where: { legalName: "Commune de Saint-Aubin-des-Vignes" },
    });
    const ticketA = await ticket(bodyA.id, "Ticket de A");
    const userA = await db.user.findUniqueOrThrow({ where: { email: "agent@saint-aubin.example" } });
    // Agent A declared it: e-mails about it go to them.
    await db.ticket.update({
      where: { id: ticketA.id },
      data: { declarantEmail: userA.email, declarantName: userA.name },
    });
    const conventionA = await db.convention.findFirstOrThrow({ where: { signatoryBodyId: bodyA.id } });
    const mailB = await db.outboxMessage.create({
      data: {
        dedupKey: "iso-b",
        template: "ticket.received",
        data: { number: ticketB.number, subject: "Secret de B", path: "/" },
        toEmail: userB.email,
        messageId: "<iso-b@mutuo>",
        ticketId: ticketB.id,
        status: "failed",
      },
    });
    const incomingB = await db.incomingMail.create({
      data: {
        messageId: "<iso-in-b@example.test>",
        fromEmail: "inconnu@example.test",
        subject: `Re: [${ticketB.number}] Secret de B`,
        text: "Secret de B",
        headers: {},
        receivedAt: new Date(),
        status: "quarantined",
        reason: "unknown_sender",
        ticketId: ticketB.id,
      },
    });
    // A technician's personal view over body B: nobody else reads or edits it.
    const tech = await db.user.findUniqueOrThrow({ where: { email: "tech@val-orlene.example" } });
    const viewB = await db.queueView.create({
      data: { ownerId: tech.id, name: "Secret de B", filters: { body: bodyB.id }, columns: [] },
    });
    const cannedB = await db.cannedReply.create({
      data: { title: "Secret de B", body: "Secret de B", ownerId: tech.id },
    });
    // Background report exports: B's agent's and A's agent's own.
    const reportExport = (requestedById: string, bodyId: string, title: string) =>
      db.reportExport.create({
        data: {
          requestedById,
          reportId: "sla",
          title,
          period: { kind: "year", month: "2026-01" },
          filters: { body: bodyId },
          scopeBodyIds: [bodyId],
          format: "csv",
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
    const exportB = await reportExport(userB.id, bodyB.id, "Secret de B");
    const exportA = await reportExport(userA.id, bodyA.id, "Rapport SLA — 2026");
    // Data migrations: a job per body (B's with a file and a run), on one template.
    const migTemplate = await db.migrationTemplate.create({
      data: {
        serviceId: versionB.termSets[0]!.serviceId,
        name: "Modèle",
        columns: [{ name: "a", label: "A", type: "text", required: false }],
      },
    });
    const migJob = (bodyId: string, number: string, title: string) =>
      db.migrationJob.create({
        data: {
          number,
          bodyId,
          serviceId: migTemplate.serviceId,
          templateId: migTemplate.id,
          title,
          ownerId: tech.id,
          status: "checked",
        },
      });
    const migJobB = await migJob(bodyB.id, "REP-ISO-B", "Secret de B");
    const migJobA = await migJob(bodyA.id, "REP-ISO-A", "Reprise de A");
    const migFile = (jobId: string) =>
      db.migrationFile.create({
        data: {
          jobId,
          storageKey: `00/${randomUUID()}`,
          name: "secret.csv",
          size: BigInt(1),
          sha256: "0".repeat(64),
          format: "csv",
          encoding: "utf-8",
          delimiter: ";",
          headers: ["a"],
        },
      });
    const migFileB = await migFile(migJobB.id);
    const migFileA = await migFile(migJobA.id);
    const migRun = (jobId: string, fileId: string) =>
      db.migrationRun.create({
        data: { jobId, fileId, kind: "check", status: "done", settingsSha256: "0".repeat(64) },
      });
    const migRunB = await migRun(migJobB.id, migFileB.id);
    const migRunA = await migRun(migJobA.id, migFileA.id);
    await db.migrationRowError.create({
      data: { runId: migRunB.id, line: 2, raw: "Secret de B", column: "A", value: "Secret de B", rule: "x" },
    });
    // Billing: an issued statement of each body (B's carries its secret), a time entry on B's ticket.
    const statement = (bodyId: string, number: string, label: string) =>
      db.statement.create({
        data: {
          number,
          bodyId,
          periodFrom: new Date("2025-01-01"),
          periodTo: new Date("2025-12-31"),
          totalCents: 100,
          snapshot: { body: { legalName: label }, lines: [{ label }] },
        },
      });
    const statementB = await statement(bodyB.id, "REL-2026-9001", "Secret de B");
    const statementA = await statement(bodyA.id, "REL-2026-9002", "Relevé de A");
    const timeEntryB = await db.timeEntry.create({
      data: {
        ticketId: ticketB.id,
        bodyId: bodyB.id,
        serviceId: ticketB.serviceId,
        userId: tech.id,
        userName: tech.name,
        workedOn: new Date("2026-06-01"),
        minutes: 30,
        profile: "technician",
        comment: "Secret de B",
      },
    });
    // Time spent on B's data-migration job (its comment is B's secret).
    await db.timeEntry.create({
      data: {
        migrationJobId: migJobB.id,
        bodyId: bodyB.id,
        serviceId: migJobB.serviceId,
        userId: tech.id,
        userName: tech.name,
        workedOn: new Date("2026-06-02"),
        minutes: 45,
        profile: "engineer",
        comment: "Secret de B",
      },
    });
    // Equipment held by B (a kit with an item, a file) and by A.
    const laptopKind = await db.assetKind.findUniqueOrThrow({ where: { code: "laptop" } });
    const kitKind = await db.assetKind.findUniqueOrThrow({ where: { code: "crisis_kit" } });
    const held = (tag: string, bodyId: string, kindId = laptopKind.id, kitId?: string) =>
      db.asset.create({
        data: { tag, kindId, bodyId, status: "lent", model: bodyId === bodyB.id ? "Secret de B" : "", kitId },
      });
    const kitB = await held("ISO-B-KIT", bodyB.id, kitKind.id);
    const assetB = await held("ISO-B-1", bodyB.id, laptopKind.id, kitB.id);
    const assetA = await held("ISO-A-1", bodyA.id);
    const accessoryB = await db.kitAccessory.create({
      data: { kitId: kitB.id, label: "Secret de B", quantity: 2 },
    });
    const assetFile = await db.storedFile.create({
      data: {
        storageKey: "00/00000000-0000-4000-8000-0000000000ab",
        name: "b.png",
        mimeType: "image/png",
        size: 1,
        sha256: "0".repeat(64),
      },
    });
    const assetFileB = await db.assetFile.create({
      data: { assetId: assetB.id, fileId: assetFile.id, label: "Secret de B" },
    });
    const trainingCourse = await db.trainingCourse.create({
      data: {
        serviceId: versionB.termSets[0]!.serviceId,
        title: "Formation commune",
        durationHalfDays: 1,
        defaultCapacity: 5,
      },
    });
    const trainingSession = (dedicatedBodyId: string | null, room: string) =>
      db.trainingSession.create({
        data: {
          number: `FORM-ISO-${room.length}${dedicatedBodyId ? "D" : "O"}`,
          courseId: trainingCourse.id,
          capacity: 5,
          room,
          trainerName: "Formateur",
          dedicatedBodyId,
          registrationDeadline: new Date("2030-01-06T00:00:00Z"),
          startsAt: new Date("2030-01-07T08:00:00Z"),
          endsAt: new Date("2030-01-07T11:00:00Z"),
          slots: {
            create: {
              startsAt: new Date("2030-01-07T08:00:00Z"),
              endsAt: new Date("2030-01-07T11:00:00Z"),
              checkInCode: "ABCDEF",
            },
          },
        },
        include: { slots: true },
      });
    const trainingOpen = await trainingSession(null, "Salle commune");
    const trainingDedicatedB = await trainingSession(bodyB.id, "Secret de B");
    const trainingRegistrationB = await db.trainingRegistration.create({
      data: { sessionId: trainingOpen.id, userId: userB.id, bodyId: bodyB.id, status: "confirmed" },
    });
    const trainingRegistrationA = await db.trainingRegistration.create({
      data: { sessionId: trainingOpen.id, userId: userA.id, bodyId: bodyA.id, status: "confirmed" },
    });
    // A course nobody subscribes to, with a material: agent A may see the course, not its files.
    const trainingServiceB = await db.service.create({
      data: { code: "ISO-TRAIN-B", name: "Service isolé" },
    });
    const trainingCourseB = await db.trainingCourse.create({
      data: {
        serviceId: trainingServiceB.id,
        title: "Formation réservée",
        durationHalfDays: 1,
        defaultCapacity: 5,
      },
    });
    const materialFile = await db.storedFile.create({
      data: {
        storageKey: "00/00000000-0000-4000-8000-0000000000ac",
        name: "Secret de B.pdf",
        mimeType: "application/pdf",
        size: 1,
        sha256: "0".repeat(64),
      },
    });
    const trainingMaterialB = await db.trainingMaterial.create({
      data: { courseId: trainingCourseB.id, fileId: materialFile.id, label: "Secret de B" },
    });
    // The history: B's person on the open session, and B's dedicated session.
    await db.trainingEvent.createMany({
      data: [
        { sessionId: trainingOpen.id, kind: "opened", data: { capacity: 5 } },
        {
          sessionId: trainingOpen.id,
          kind: "registered",
          userId: userA.id,
          bodyId: bodyA.id,
          actorId: userA.id,
        },
        {
          sessionId: trainingOpen.id,
          kind: "registered",
          userId: userB.id,
          bodyId: bodyB.id,
          actorId: userB.id,
          data: { note: "Secret de B" },
        },
        { sessionId: trainingDedicatedB.id, kind: "opened", data: { note: "Secret de B" } },
      ],
    });
    await ensureDefaultSubscriptions(db);
    const subscriptionA = await db.reportSubscription.findUniqueOrThrow({
      where: { builtin: `sla-monthly-body:${bodyA.id}` },
    });
    const subscriptionB = await db.reportSubscription.create({
      data: {
        reportId: "sla",
        label: "Secret de B",
        filters: { body: bodyB.id },
        frequency: "monthly",
        agentsOfBodyId: bodyB.id,
        emails: ["mairie-b@example.com"],
      },
    });
    world = {
      subscriptionA: subscriptionA.id,
      subscriptionB: subscriptionB.id,
      trainingCourseB: trainingCourseB.id,
      trainingMaterialB: trainingMaterialB.id,
      migration: {
        jobA: migJobA.id,
        jobB: migJobB.id,
        runA: migRunA.id,
        runB: migRunB.id,
        fileB: migFileB.id,
        template: migTemplate.id,
        serviceA: migTemplate.serviceId,
      },
      statementB: statementB.id,
      statementA: statementA.id,
      timeEntryB: timeEntryB.id,
      assetB: assetB.id,
      assetA: assetA.id,
      kitB: kitB.id,
      accessoryB: accessoryB.id,
      assetFileB: assetFileB.id,
      assetKind: laptopKind.id,
      trainingCourse: trainingCourse.id,
      trainingOpen: trainingOpen.id,
      trainingDedicatedB: trainingDedicatedB.id,
      trainingSlotB: trainingDedicatedB.slots[0]!.id,
      trainingRegistrationB: trainingRegistrationB.id,
      trainingRegistrationA: trainingRegistrationA.id,
      viewB: viewB.id,
      cannedB: cannedB.id,
      exportA: exportA.id,
      exportB: exportB.id,
      mailB: mailB.id,
      incomingB: incomingB.id,
      ticketB: ticketB.id,
      ticketBNumber: ticketB.number,
      ticketA: ticketA.id,
      ticketANumber: ticketA.number,
      bodyA: bodyA.id,
      userA: userA.id,
      conventionA: conventionA.id,
      bodyB: { id: bodyB.id, legalName: bodyB.legalName, siret: bodyB.siret! },
      userB: { id: userB.id, email: userB.email },
      sessionB: sessionB.id,
      commune,
      conventionB: conventionB.id,
      versionB: versionB.id,
      serviceB: versionB.termSets[0]!.serviceId,
      documentB: documentB.id,
      calendar: calendar.id,
      closure: calendar.closures[0]!.id,
    } as World;
    Object.assign(world, await loanWorld(db, tdb.url, world));
  });
  afterAll(async () => tdb.drop());

  it("knows every procedure of the router", () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(
      paths.filter((p) => !(p in probes)),
      "procedures without an isolation probe",
    ).toEqual([]);
    expect(
      paths.filter((p) => !(p in ownProbes)),
      "procedures without a probe of the partner's own objects",
    ).toEqual([]);
  });

  it("refuses anonymous callers everywhere but the public procedures", async () => {
    const anonymous = await callerFor(tdb.prisma(), tdb.url, null);
    for (const path of paths) {
      const result = await procedureOf(
        anonymous,
        path,
      )(probes[path]!(world)).then(
        () => "answered",
        (e: unknown) => (e instanceof TRPCError ? e.code : `threw ${String(e)}`),
      );
      expect([path, result]).toEqual([path, PUBLIC.has(path) ? "answered" : "UNAUTHORIZED"]);
    }
  });

  it("keeps a person's own queue views from every other person, staff included", async () => {
    const db = tdb.prisma();
    const other = await callerFor(db, tdb.url, "tech2@val-orlene.example");
    expect(JSON.stringify(await other.views.list())).not.toContain(world.viewB);
    for (const attempt of [
      () => other.views.rename({ id: world.viewB, name: "Pirate" }),
      () => other.views.remove({ id: world.viewB }),
    ])
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A technician cannot share a view with everyone; a manager can.
    await expect(other.views.create({ name: "Pour tous", shared: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.queueView.findUniqueOrThrow({ where: { id: world.viewB } })).toMatchObject({
      name: "Secret de B",
    });
  });

  it("keeps background exports to their requester, and refuses hostile export requests clearly", async () => {
    const db = tdb.prisma();
    const manager = await callerFor(db, tdb.url, "manager@val-orlene.example");
    const agentA = await callerFor(db, tdb.url, "agent@saint-aubin.example");
    // Staff included: another person's export does not exist for them.
    for (const c of [manager, agentA]) {
      await expect(c.reports.export({ id: world.exportB })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(JSON.stringify(await c.reports.exports({}))).not.toContain(world.exportB);
    }
    const year = { kind: "year" as const, month: "2026-01" };
    const refused = async (input: unknown, code: string, field?: string) => {
      const e = await agentA.reports.requestExport(input as never).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(TRPCError);
      expect((e as TRPCError).code).toBe(code);
      if (field) expect(JSON.stringify(errorData(e as TRPCError))).toContain(field);
    };
    await refused({ reportId: "sla", period: year, filters: {}, format: "exe" }, "BAD_REQUEST", "format");
    await refused(
      {
        reportId: "sla",
        period: { kind: "custom", from: "2026-06", to: "2026-03" },
        filters: {},
        format: "csv",
      },
      "BAD_REQUEST",
      "to",
    );
    await refused(
      { reportId: "sla", period: year, filters: { body: world.bodyB.id }, format: "csv" },
      "NOT_FOUND",
    );
    await refused(
      { reportId: "sla", period: year, filters: { priority: "x' OR 1=1" }, format: "csv" },
      "BAD_REQUEST",
    );
    await refused({ reportId: "billing", period: year, filters: {}, format: "pdf" }, "FORBIDDEN");
    await refused({ reportId: "../etc/passwd", period: year, filters: {}, format: "pdf" }, "NOT_FOUND");
    await expect(agentA.reports.exports({ cursor: "garbage" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(agentA.reports.export({ id: "not-a-uuid" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives an agent of body A nothing of body B, and lets them change nothing of it", async () => {
    const db = tdb.prisma();
    const before =
      JSON.stringify(await db.body.findUniqueOrThrow({ where: { id: world.bodyB.id } })) +
      JSON.stringify(await db.user.findUniqueOrThrow({ where: { id: world.userB.id } }));
    const agentA = await callerFor(db, tdb.url, "agent@saint-aubin.example");
    const markers = [
      world.bodyB.id,
      world.bodyB.legalName,
      world.bodyB.siret,
      world.userB.id,
      world.userB.email,
      world.conventionB,
      world.versionB,
      world.documentB,
      "Secret de B",
      world.ticketB,
      world.ticketBNumber,
      world.assetB,
      world.kitB,
      "ISO-B-",
      world.loanB,
      world.loanBNumber,
      world.loanDocB,
      world.lossB,
      world.reservationB,
    ];
    const ticketBefore = JSON.stringify(
      await db.ticket.findUniqueOrThrow({ where: { id: world.ticketB }, include: { messages: true } }),
    );
    const conventionBefore = JSON.stringify(
      await db.convention.findUniqueOrThrow({
        where: { id: world.conventionB },
        include: { versions: { include: { termSets: { include: { targets: true } } } }, documents: true },
      }),
    );
    for (const path of paths) {
      const outcome = await procedureOf(
        agentA,
        path,
      )(probes[path]!(world)).then(
        (data) => ({ refused: null, data }),
        (e: unknown) => ({ refused: e instanceof TRPCError ? e.code : `threw ${String(e)}`, data: null }),
      );
      if (outcome.refused) {
        expect([path, outcome.refused]).toEqual([
          path,
          expect.stringMatching(/^(FORBIDDEN|NOT_FOUND|UNAUTHORIZED)$/),
        ]);
      } else {
        const text =
          JSON.stringify(outcome.data, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "";
        expect([path, markers.filter((m) => text.includes(m))]).toEqual([path, []]);
      }
    }
    const after =
      JSON.stringify(await db.body.findUniqueOrThrow({ where: { id: world.bodyB.id } })) +
      JSON.stringify(await db.user.findUniqueOrThrow({ where: { id: world.userB.id } }));
    expect(after).toBe(before);
    expect(await db.asset.count({ where: { tag: { startsWith: "PIRATE" } } })).toBe(0);
    expect(await db.asset.findUniqueOrThrow({ where: { id: world.assetB } })).toMatchObject({
      tag: "ISO-B-1",
      kitId: world.kitB,
      model: "Secret de B",
    });
    expect(await db.kitAccessory.count({ where: { kitId: world.kitB } })).toBe(1);
    expect(
      await db.reportSubscription.findUniqueOrThrow({ where: { id: world.subscriptionB } }),
    ).toMatchObject({ label: "Secret de B", frequency: "monthly", pausedAt: null });
    expect(await db.assetFile.count({ where: { assetId: world.assetB } })).toBe(1);
    expect(await db.assetKind.count({ where: { OR: [{ code: "pirate" }, { label: "Pirate" }] } })).toBe(0);
    expect(
      JSON.stringify(
        await db.convention.findUniqueOrThrow({
          where: { id: world.conventionB },
          include: { versions: { include: { termSets: { include: { targets: true } } } }, documents: true },
        }),
      ),
    ).toBe(conventionBefore);
    expect(await db.service.count({ where: { code: "PIRATE" } })).toBe(0);
    expect(
      JSON.stringify(
        await db.ticket.findUniqueOrThrow({ where: { id: world.ticketB }, include: { messages: true } }),
      ),
    ).toBe(ticketBefore);
    expect(await db.ticket.count({ where: { subject: "Pirate" } })).toBe(0);
    expect(await db.incomingMail.findUniqueOrThrow({ where: { id: world.incomingB } })).toMatchObject({
      status: "quarantined",
    });
    expect(await db.ticketLink.count()).toBe(0);
    expect(await db.queueView.findUniqueOrThrow({ where: { id: world.viewB } })).toMatchObject({
      name: "Secret de B",
    });
    expect(await db.queueView.count({ where: { name: "Pirate" } })).toBe(0);
    expect(await db.businessCalendar.count({ where: { name: "Pirate" } })).toBe(0);
    expect(await db.session.findUniqueOrThrow({ where: { id: world.sessionB } })).toMatchObject({
      revokedAt: null,
    });
    expect(await db.body.count({ where: { legalName: { in: ["Commune pirate", "Asso pirate"] } } })).toBe(0);
  });
  it("tells agent A nothing of other bodies on their own objects after staff act across bodies", async () => {
    const db = tdb.prisma();
    const tech = await callerFor(db, tdb.url, "tech@val-orlene.example");
    const bodyC = await db.body.findFirstOrThrow({ where: { legalName: "Commune de Montclair" } });
    const ticketC = await db.ticket.create({
      data: {
        number: "SOS-2026-990003",
        bodyId: bodyC.id,
        serviceId: world.serviceB,
        subject: "Secret de C",
        description: "Secret de C",
        category: "fault",
        impact: "low",
        urgency: "low",
        priority: "low",
        channel: "portal",
        declarantName: "Déclarant de Montclair",
        receivedAt: new Date(),
      },
    });
    // Staff link A to B, C to A, then unlink A and C; a merge across bodies is refused.
    await tech.tickets.link({ ticketId: world.ticketA, otherNumber: world.ticketBNumber });
    await tech.tickets.link({ ticketId: ticketC.id, otherNumber: world.ticketANumber });
    await tech.tickets.unlink({ ticketId: world.ticketA, otherId: ticketC.id });
    await tech.tickets.link({ ticketId: ticketC.id, otherNumber: world.ticketANumber });
    await expect(
      tech.tickets.merge({ ticketId: world.ticketB, intoNumber: world.ticketANumber }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Rows written before the rule or by hand: a cross-body merge both ways, an unlink by id.
    const ticketD = await db.ticket.create({
      data: {
        number: "SOS-2026-990004",
        bodyId: world.bodyB.id,
        serviceId: world.serviceB,
        subject: "Secret de B fusionné",
        description: "Secret de B",
        category: "fault",
        impact: "low",
        urgency: "low",
        priority: "low",
        channel: "portal",
        declarantName: "Déclarant",
        receivedAt: new Date(),
        status: "cancelled",
        mergedIntoId: world.ticketA,
      },
    });
    const event = (data: object) => ({
      ticketId: world.ticketA,
      kind: "event" as const,
      authorLabel: "Nadia Belkacem",
      fromStaff: true,
      data,
    });
    await db.ticketMessage.createMany({
      data: [
        event({ mergedFrom: ticketD.number }),
        event({ unlinked: ticketC.id }),
        event({ mergedInto: world.ticketBNumber, otherBody: world.bodyB.legalName }),
      ],
    });
    // Staff may name A's equipment on a ticket of B: A's asset page does not show it.
    await tech.tickets.create({
      bodyId: world.bodyB.id,
      serviceId: world.serviceB,
      subject: "Secret de B sur le portable de A",
      description: "Secret de B sur le portable de A",
      category: "fault",
      impact: "low",
      urgency: "low",
      declarantName: "Déclarant",
      channel: "phone",
      receivedAt: new Date(),
      assetId: world.assetA,
    });
    // Staff work A, which e-mails its declarant, agent A.
    await tech.tickets.addMessage({ ticketId: world.ticketA, kind: "reply", body: "Nous regardons." });
    await tech.tickets.setStatus({ ticketId: world.ticketA, status: "resolved" });

    // Staff keep every side of the link.
    const seenByStaff = serialize(await tech.tickets.get({ id: world.ticketA }));
    expect(seenByStaff).toContain(world.ticketBNumber);
    expect(seenByStaff).toContain(ticketD.number);

    const markers = [
      world.bodyB.id,
      world.bodyB.legalName,
      world.ticketB,
      world.ticketBNumber,
      ticketC.id,
      ticketC.number,
      bodyC.id,
      bodyC.legalName,
      ticketD.id,
      ticketD.number,
      "Secret de B",
      "Secret de C",
      "Montclair",
    ];
    const leaks = (what: string, text: string) =>
      expect([what, markers.filter((m) => text.includes(m))]).toEqual([what, []]);

    const agentA = await callerFor(db, tdb.url, "agent@saint-aubin.example");
    for (const path of paths) {
      const own = ownProbes[path]!;
      const input = own === "foreign" ? probes[path]!(world) : own(world);
      const text = await procedureOf(
        agentA,
        path,
      )(input).then(serialize, (e: unknown) => {
        expect([path, e instanceof TRPCError ? e.code : String(e)]).not.toEqual([
          path,
          "INTERNAL_SERVER_ERROR",
        ]);
        return serialize({ message: e instanceof Error ? e.message : String(e), cause: (e as Error).cause });
      });
      leaks(path, text);
    }
    const mine = await agentA.tickets.get({ id: world.ticketA });
    expect(mine.linkedToOtherIncident).toBe(true);
    expect(mine.messages.map((m) => m.data)).toEqual(
      expect.arrayContaining([
        { linkedOther: true },
        { unlinkedOther: true },
        { mergedFromOther: true },
        { mergedIntoOther: true },
      ]),
    );
    const mails = await db.outboxMessage.findMany({
      where: { OR: [{ toEmail: "agent@saint-aubin.example" }, { toUserId: world.userA }] },
    });
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails)
      leaks(`e-mail ${m.template}`, serialize(m) + serialize(render(m, "http://mutuo.test")));
  });
});
