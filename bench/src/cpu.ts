import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";

// The kernel counts a process's CPU time in clock ticks (100 a second almost everywhere).
const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString()) || 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc; undefined where there is
 * no /proc. Unlike requests per second, CPU per request hardly moves when other processes
 * compete for the cores, so it compares two runs on a busy machine.
 */
export async function cpuSecondsOf(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): state, ppid, …, utime (12th), stime.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
