import type { Services } from '../services.js';
import type { QueuedJob, RecurringJob } from './scheduler.js';

/** Every recurring job of the platform, in one place. */
export function recurringJobs(services: Services): RecurringJob[] {
  return [
    {
      // Owners hear about actions due within two days; each action is reminded once.
      name: 'action-reminders',
      cron: '5 * * * *',
      run: () => services.groups.sendDueReminders(),
    },
    {
      // Focal points hear about new matches once a week, on Monday morning (UTC).
      name: 'match-digest',
      cron: '0 6 * * 1',
      run: () => services.matchDigest.send(),
    },
    {
      // Lockout counters only matter for a quarter of an hour; expired sessions for nothing.
      name: 'maintenance-prune',
      cron: '17 3 * * *',
      run: () => services.accounts.prune(),
    },
  ];
}

/** Every job queued on demand, in one place. */
export function queuedJobs(services: Services): QueuedJob[] {
  return [
    {
      // An IATI file uploaded on the import page; a large one can take many minutes.
      name: 'iati-import',
      expireInSeconds: 4 * 60 * 60,
      run: ({ id }) => services.iatiImportJobs.run(id),
    },
  ];
}
