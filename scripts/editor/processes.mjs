// Ending a process tree for good. The VS Code server forks file watchers, an
// extension host and language servers; signalling only the top process leaves
// them running.

import { readdirSync, readFileSync } from 'node:fs';

/** Every process whose ancestry leads to `rootPid`, read from /proc. */
export function descendants(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while scanning
    }
    // The command name may contain spaces and parentheses; fields resume after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(entry));
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends `child` (spawned with `detached: true`, so it leads its own process group)
 * and everything below it: SIGTERM, then SIGKILL for whatever is left after
 * `graceMs`. The tree is also walked by pid because a grandchild may have started
 * its own session and left the group.
 */
export async function killTree(child, graceMs = 5_000) {
  if (child.pid === undefined) return;
  const pids = [child.pid, ...descendants(child.pid)];
  signal(-child.pid, 'SIGTERM');
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some((pid) => signal(pid, 0))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  signal(-child.pid, 'SIGKILL');
  for (const pid of pids) signal(pid, 'SIGKILL');
}
