import { InputFileError } from '../report/input-file-error.js';
import { OutputFolderError } from '../report/write-report-files.js';
import { MergeError } from '../sharding/merge-shards.js';
import { CliError, EXIT_USAGE } from './cli-io.js';

/** Runs `work`, turning a bad input file, a bad shard set or an unwritable folder into exit code 2. */
export async function reportingBadInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InputFileError || error instanceof MergeError || error instanceof OutputFolderError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}
