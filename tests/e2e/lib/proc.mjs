// The app's process, found among run.sh's processes (never another copy of the app on the machine).

import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

/**
 * The pid of the app this run started: the newest sotay-desktop in run.sh's process group (E2E_PGID), so
 * that another copy of the app on the machine is never measured; `pgrep -n -x sotay-desktop` without it.
 * 0 when there is none.
 */
export function appPid() {
  const pgid = Number(process.env.E2E_PGID);
  if (pgid) {
    let best = 0;
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim() !== 'sotay-desktop') continue;
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp …
        if (fields[0] === 'Z') continue; // exited, not yet reaped
        if (Number(fields[2]) === pgid && Number(d) > best) best = Number(d);
      } catch {
        /* gone */
      }
    }
    return best;
  }
  try {
    return Number(execFileSync('pgrep', ['-n', '-x', 'sotay-desktop'], { encoding: 'utf8' }).trim());
  } catch {
    return 0;
  }
}

/** Whether process `pid` is alive (and not a zombie). */
export function alive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
