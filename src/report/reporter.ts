// report: what a reporter is. A pure function from the result to text.
import type { ScanResult } from '../types.js';

export interface ReporterOptions {
  isColor: boolean;
  /** Rows in the heaviest-routers table. */
  top: number;
  /** Only errors. */
  isQuiet: boolean;
}

export type Reporter = (result: ScanResult, options: ReporterOptions) => string;
