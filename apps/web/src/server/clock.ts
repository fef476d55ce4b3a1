// The clock of the services: real time, or the end-to-end tests' frozen instant (see @mutuo/core/system).
import { clockFrom } from "@mutuo/core/system";
import { env } from "../env.ts";

let clock: (() => Date) | undefined;

export function now(): Date {
  clock ??= clockFrom(env().e2eClockFile);
  return clock();
}
