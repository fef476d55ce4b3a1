-- A manager may pause a scheduled report (issue 19): the worker skips it while pausedAt is set.
ALTER TABLE "ReportSubscription" ADD COLUMN "pausedAt" TIMESTAMPTZ(3);
