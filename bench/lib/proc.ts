import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time and memory of processes on this host, from /proc (Linux). CPU is utime + stime of the
 * process (all its threads); memory is the resident set, sampled while a scenario runs so its
 * peak is known, plus the kernel's own high-water mark (VmHWM, since the process started).
 */

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time (user + system) of a process in ms, or undefined if it is gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is field 3, utime 14, stime 15 (1-based over the whole line).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
  } catch {
    return undefined;
  }
}

/** Read and write system calls so far (/proc/<pid>/io syscr + syscw): each socket read/write is one. */
export function syscalls(pid: number): number | undefined {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8');
    return Number(/syscr: (\d+)/.exec(io)?.[1] ?? 0) + Number(/syscw: (\d+)/.exec(io)?.[1] ?? 0);
  } catch {
    return undefined;
  }
}

/** Resident set now and its peak since start (VmHWM), in bytes. */
export function memory(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Open file descriptors of a process (a directory listing of /proc/<pid>/fd). */
export function openFds(pid: number): number | undefined {
  try {
    return execFileSync('ls', [`/proc/${pid}/fd`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean).length;
  } catch {
    return undefined;
  }
}

export interface ProcessUsage {
  name: string;
  pid: number;
  /** CPU time spent during the measured window. */
  cpuMs: number;
  /** cpuMs / wall time: 100 % = one core busy for the whole window. */
  cpuPctOfCore: number;
  /** Highest resident set seen during the window (sampled every 100 ms). */
  peakRssMB: number;
  /** Resident set at the end of the window. */
  rssMB: number;
  /** read + write system calls in the window (socket reads and writes, mostly). */
  syscalls: number;
}

/** Busy and total CPU time of the whole machine (all cores), in ms, from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = v[3] + v[4];
  const k = 1000 / ticksPerSecond();
  return { busy: (total - idle) * k, total: total * k };
}

/** Total µs that some runnable task waited for a CPU (Linux PSI), or undefined without PSI. */
export function cpuPressureUs(): number | undefined {
  try {
    return Number(/some .*total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

export interface MachineUsage {
  /** Busy share of all cores during the window (100 % = every core busy). */
  busyPct: number;
  /** Cores' worth of CPU used by the measured processes, and by everything else on the host. */
  oursCores: number;
  othersCores: number;
  /** Share of the window in which some runnable task waited for a CPU (PSI "some"). */
  cpuPressurePct?: number;
}

/** Measures a set of processes over a window: CPU used in it and the peak resident set. */
export class ProcessSampler {
  private machineStart = { busy: 0, total: 0 };
  private pressureStart: number | undefined;
  /** Set by end(): how busy the whole machine was, and how much of that was not ours. */
  machine: MachineUsage | undefined;
  private readonly start = new Map<number, number>();
  private readonly startSyscalls = new Map<number, number>();
  private readonly peak = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;

  constructor(private readonly processes: () => { name: string; pid: number }[]) {}

  begin(): void {
    this.startedAt = performance.now();
    this.machineStart = machineCpuMs();
    this.pressureStart = cpuPressureUs();
    this.start.clear();
    this.peak.clear();
    for (const { pid } of this.processes()) {
      this.start.set(pid, cpuMs(pid) ?? 0);
      this.startSyscalls.set(pid, syscalls(pid) ?? 0);
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  end(): ProcessUsage[] {
    clearInterval(this.timer);
    this.sample();
    const wallMs = performance.now() - this.startedAt;
    const out: ProcessUsage[] = [];
    for (const { name, pid } of this.processes()) {
      const used = (cpuMs(pid) ?? this.start.get(pid) ?? 0) - (this.start.get(pid) ?? 0);
      const mem = memory(pid);
      out.push({
        name,
        pid,
        cpuMs: Math.round(used),
        cpuPctOfCore: Math.round((used / wallMs) * 1000) / 10,
        peakRssMB: round1((this.peak.get(pid) ?? mem?.rss ?? 0) / 2 ** 20),
        rssMB: round1((mem?.rss ?? 0) / 2 ** 20),
        syscalls: (syscalls(pid) ?? 0) - (this.startSyscalls.get(pid) ?? 0),
      });
    }
    const m = machineCpuMs();
    const busy = m.busy - this.machineStart.busy;
    const ours = out.reduce((a, p) => a + p.cpuMs, 0);
    const pressure = cpuPressureUs();
    this.machine = {
      busyPct: Math.round((busy / Math.max(1, m.total - this.machineStart.total)) * 1000) / 10,
      oursCores: Math.round((ours / wallMs) * 100) / 100,
      othersCores: Math.round((Math.max(0, busy - ours) / wallMs) * 100) / 100,
      ...(pressure !== undefined && this.pressureStart !== undefined
        ? { cpuPressurePct: Math.round(((pressure - this.pressureStart) / 1000 / wallMs) * 1000) / 10 }
        : {}),
    };
    return out;
  }

  private sample(): void {
    for (const { pid } of this.processes()) {
      const rss = memory(pid)?.rss;
      if (rss !== undefined && rss > (this.peak.get(pid) ?? 0)) this.peak.set(pid, rss);
    }
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
