// Child processes of the supervisor: spawned in their own process group so that only the supervisor
// receives Ctrl-C and stops them in order (web and worker first, then PostgreSQL).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

export function startChild(
  name: string,
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
): Child {
  const proc = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) stream.write(`[${name}] ${line}\n`);
  };
  proc.stdout?.on("data", prefix(process.stdout));
  proc.stderr?.on("data", prefix(process.stderr));
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  return { name, proc, exited };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the process has exited. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null || child.proc.pid === undefined) return;
  const pid = child.proc.pid;
  killGroup(pid, "SIGTERM");
  const timer = setTimeout(() => killGroup(pid, "SIGKILL"), graceMs);
  await child.exited;
  clearTimeout(timer);
  killGroup(pid, "SIGKILL"); // grandchildren left in the group, if any
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

interface RunState {
  supervisor: number;
  children: { name: string; pid: number; marker: string }[];
}

/** `<dataDir>/run.json`: which processes this installation has running, to clean up after a crash. */
export class RunFile {
  private readonly file: string;
  private state: RunState;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, "run.json");
    this.state = { supervisor: process.pid, children: [] };
  }

  /** Refuses a second supervisor on the same data; kills children left behind by a killed one. */
  async claim(): Promise<void> {
    let previous: RunState | undefined;
    try {
      previous = JSON.parse(fs.readFileSync(this.file, "utf8")) as RunState;
    } catch {
      previous = undefined;
    }
    if (
      previous &&
      previous.supervisor !== process.pid &&
      isAlive(previous.supervisor) &&
      cmdline(previous.supervisor).includes("start.mjs")
    ) {
      throw new Error(
        `Mutuo est déjà démarré sur ces données (processus ${previous.supervisor}). Arrêtez-le d'abord.`,
      );
    }
    for (const c of previous?.children ?? []) {
      if (isAlive(c.pid) && cmdline(c.pid).includes(c.marker)) {
        console.log(`• Arrêt d'un processus resté actif (${c.name}, ${c.pid})`);
        killGroup(c.pid, "SIGKILL");
      }
    }
    this.write();
  }

  add(name: string, pid: number, marker: string): void {
    this.state.children.push({ name, pid, marker });
    this.write();
  }

  release(): void {
    fs.rmSync(this.file, { force: true });
  }

  private write(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(this.state));
  }
}
