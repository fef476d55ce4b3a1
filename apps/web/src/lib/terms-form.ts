// Reading a service-terms form (hours typed by people, "1,5" or "12") into the API's input.
const PRIORITIES = ["critical", "high", "medium", "low"] as const;
const CHANNELS = ["portal", "email", "phone", "letter"] as const;

/** Hours as typed ("12", "1,5", "0.25") to minutes; NaN when not a number (zod then names the field). */
export function hoursToMinutes(raw: FormDataEntryValue | null): number {
  const text = String(raw ?? "")
    .trim()
    .replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 60);
}

export function termsFrom(fd: FormData, prefix = "terms") {
  return {
    calendarId: String(fd.get(`${prefix}.calendarId`) ?? "") || null,
    channels: CHANNELS.filter((c) => fd.get(`${prefix}.channels.${c}`) === "on"),
    equipmentCovered: String(fd.get(`${prefix}.equipmentCovered`) ?? ""),
    trainingDaysIncluded: String(fd.get(`${prefix}.trainingDaysIncluded`) ?? "").trim() || "0",
    targets: PRIORITIES.map((priority, i) => ({
      priority,
      interventionMinutes: hoursToMinutes(fd.get(`${prefix}.targets.${i}.interventionMinutes`)),
      interventionBasis:
        fd.get(`${prefix}.targets.${i}.interventionBasis`) === "clock"
          ? ("clock" as const)
          : ("business" as const),
      resolutionMinutes: hoursToMinutes(fd.get(`${prefix}.targets.${i}.resolutionMinutes`)),
      resolutionBasis:
        fd.get(`${prefix}.targets.${i}.resolutionBasis`) === "clock"
          ? ("clock" as const)
          : ("business" as const),
      warningPercent: Number(
        String(fd.get(`${prefix}.targets.${i}.warningPercent`) ?? "").trim() || Number.NaN,
      ),
    })),
  };
}

/** "12" for 720 minutes, "1,5" for 90 (French decimal comma). */
export const minutesToHours = (m: number) => String(m / 60).replace(".", ",");
