// A real IMAP server for the tests: Debian's dovecot, configured in a private folder on a free
// loopback port, with one mailbox. Installed by `.ci/run`; locally `apt-get install dovecot-imapd`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const DOVECOT_MISSING =
  "Debian's dovecot is not installed here, so the tests that read e-mail from a real IMAP server are skipped. Install it with `apt-get install dovecot-imapd` (`.ci/run` does).";

export function dovecotBinary(): string | null {
  for (const p of ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"]) if (fs.existsSync(p)) return p;
  const found = spawnSync("sh", ["-c", "command -v dovecot"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface DovecotConfig {
  dir: string;
  port: number;
  user: string;
  password: string;
}

/** Writes the configuration; returns the path of dovecot.conf. As root, mail is stored as the `mail` user (dovecot refuses uid 0). */
export function writeDovecotConfig(c: DovecotConfig): string {
  for (const d of ["run", "state", "home"]) fs.mkdirSync(path.join(c.dir, d), { recursive: true });
  // dovecot's own users (auth, mail) must reach the folder.
  fs.chmodSync(c.dir, 0o755);
  const root = process.getuid?.() === 0;
  const me = os.userInfo();
  if (root) spawnSync("chown", ["mail:mail", path.join(c.dir, "home")]);
  fs.writeFileSync(path.join(c.dir, "passwd"), `${c.user}:{PLAIN}${c.password}::::::\n`);
  const conf = `
base_dir = ${c.dir}/run
state_dir = ${c.dir}/state
log_path = ${c.dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1
${root ? "" : `default_login_user = ${me.username}\ndefault_internal_user = ${me.username}\n`}passdb {
  driver = passwd-file
  args = scheme=PLAIN ${c.dir}/passwd
}
userdb {
  driver = static
  args = uid=${root ? "mail" : me.uid} gid=${root ? "mail" : me.gid} home=${c.dir}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    port = ${c.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
  const file = path.join(c.dir, "dovecot.conf");
  fs.writeFileSync(file, conf);
  return file;
}

export interface RunningDovecot extends DovecotConfig {
  /** imap://user:password@127.0.0.1:port/INBOX */
  url: string;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, logFile: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null)
      throw new Error(`dovecot exited: ${fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("dovecot did not listen within 10 s");
}

/** Starts dovecot in the foreground (a child of this process). */
export async function startDovecot(opts: Partial<DovecotConfig> = {}): Promise<RunningDovecot> {
  const bin = dovecotBinary();
  if (!bin) throw new Error(DOVECOT_MISSING);
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "mutuo-dovecot-"));
  const c: DovecotConfig = {
    dir,
    port: opts.port ?? (await freePort()),
    user: opts.user ?? "support",
    password: opts.password ?? `pw-${Math.random().toString(36).slice(2)}`,
  };
  const conf = writeDovecotConfig(c);
  const child = spawn(bin, ["-F", "-c", conf], { stdio: "ignore" });
  await waitForPort(c.port, child, path.join(dir, "dovecot.log"));
  return {
    ...c,
    url: `imap://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/INBOX`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
