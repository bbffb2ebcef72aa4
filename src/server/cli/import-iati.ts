import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { SYSTEM } from '../modules/access/policy.js';
import type { IatiImportReport } from '../modules/projects/import.js';
import type { Services } from '../services.js';

/** The largest file the command line reads (the web upload allows less). */
const MAX_CLI_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/** Prints what an import did, with every refused activity and file problem and its line. */
export function printReport(report: IatiImportReport): void {
  console.log(
    `${report.file} (IATI ${report.version ?? '?'}): ${report.total} activities, ${report.created} created, ` +
      `${report.updated} updated, ${report.refused.length} refused.`,
  );
  for (const issue of report.fileIssues)
    console.log(`  line ${issue.line ?? '?'}, ${issue.field}: ${issue.message}`);
  for (const refused of report.refused) {
    console.log(`  refused ${refused.identifier ?? '(no identifier)'} (line ${refused.line ?? '?'}):`);
    for (const issue of refused.issues)
      console.log(`    line ${issue.line ?? '?'}, ${issue.field}: ${issue.message}`);
  }
}

/**
 * `import iati FILE...`: imports each file with a progress bar, then prints its report. Exits 1
 * when any activity or file was refused, 2 when a file cannot be opened.
 */
export async function importIatiCommand(services: Services, files: string[]): Promise<number> {
  let code = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      if (statSync(file).size > MAX_CLI_BYTES) throw new Error('the file is over 2 GB');
      bytes = readFileSync(file);
    } catch (error) {
      console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      code = 2;
      continue;
    }
    const total = (
      Buffer.from(bytes)
        .toString('latin1')
        .match(/<iati-activity[\s>]/g) ?? []
    ).length;
    const bar = new cliProgress.SingleBar(
      {
        format: `${basename(file)} |{bar}| {value}/{total} activities`,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    const report = await services.iatiImport.importFile({ viewer: SYSTEM }, basename(file), bytes, {
      maxBytes: MAX_CLI_BYTES,
      onProgress: (done) => bar.update(done),
    });
    bar.update(total);
    bar.stop();
    printReport(report);
    if (report.refused.length || report.fileIssues.length) code = Math.max(code, 1);
  }
  return code;
}
