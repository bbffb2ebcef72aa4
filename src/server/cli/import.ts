import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import cliProgress from 'cli-progress';
import { SYSTEM } from '../modules/access/policy.js';
import { importSolutions, readImportFile } from '../modules/solutions/import.js';
import type { Services } from '../services.js';

const CLI_VIEWER = SYSTEM;

/** `import solutions FILE`: shows a progress bar, then a report; exits 1 when rows were invalid. */
export async function importCommand(
  services: Services,
  file: string,
  options: { dryRun: boolean; publish: boolean },
): Promise<number> {
  let items: Array<Record<string, unknown>>;
  try {
    items = readImportFile(
      readFileSync(file, 'utf8'),
      extname(file).toLowerCase() === '.csv' ? 'csv' : 'json',
    );
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'Importing |{bar}| {value}/{total} rows',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(items.length, 0);
  const report = await importSolutions(services.lifecycle, CLI_VIEWER, items, {
    ...options,
    onProgress: (done) => bar.update(done),
  });
  bar.update(items.length);
  bar.stop();
  const verb = options.dryRun ? 'would be imported' : 'imported';
  console.log(
    `${report.total} rows: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ` +
      `${new Set(report.invalid.map((p) => p.row)).size} invalid (${verb}: the valid ones).`,
  );
  for (const problem of report.invalid)
    console.log(`  row ${problem.row}, ${problem.field}: ${problem.message}`);
  return report.invalid.length ? 1 : 0;
}
