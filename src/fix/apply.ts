// fix: the apply phase. Collected edits are checked for overlap, verified to still parse (ts-morph,
// loaded only here), and written atomically: every file to a temp file first, then renamed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { applyEdits, byFile, isOverlapping, type Edit } from './edits.js';

/** A fix to apply: an id for messages and its edits. */
export interface PendingFix {
  id: string;
  edits: Edit[];
}

/** Picks fixes in order, skipping any whose edits overlap an already picked one (ESLint's rule). */
export function selectNonOverlapping<T extends PendingFix>(fixes: T[]): { picked: T[]; deferred: T[] } {
  const picked: T[] = [];
  const deferred: T[] = [];
  const taken: Edit[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // the same rewrite attached to two findings
    if (fix.edits.some((e) => taken.some((t) => isOverlapping(e, t)))) {
      deferred.push(fix);
      continue;
    }
    seen.add(key);
    picked.push(fix);
    taken.push(...fix.edits);
  }
  return { picked, deferred };
}

/** New text of every file the fixes touch. */
export function rewriteTexts(fixes: PendingFix[], textOf: (file: string) => string): Map<string, { before: string; after: string }> {
  const out = new Map<string, { before: string; after: string }>();
  for (const [file, edits] of byFile(fixes.flatMap((f) => f.edits))) {
    const before = textOf(file);
    out.set(file, { before, after: applyEdits(before, edits) });
  }
  return out;
}

/** Files whose rewritten text has syntax errors the original did not have (ts-morph, loaded on demand). */
export async function filesBrokenByRewrite(texts: Map<string, { before: string; after: string }>): Promise<string[]> {
  if (texts.size === 0) return [];
  // require(), not import(): the CLI runs from a script compiled with a code cache (src/code-cache), where Node 20 has no import().
  const { Project, ts } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, noLib: true, noResolve: true },
  });
  const errorsIn = (name: string, text: string): number => {
    const sf = project.createSourceFile(name, text, { overwrite: true });
    return project.getProgram().compilerObject.getSyntacticDiagnostics(sf.compilerNode).length;
  };
  const broken: string[] = [];
  for (const [file, { before, after }] of texts) {
    const name = `/check/${path.basename(file)}`;
    if (errorsIn(name, after) > errorsIn(name, before)) broken.push(file);
  }
  return broken;
}

/** Writes every file to a sibling temp file, then renames them all; on a failed write nothing changes. */
export function writeAtomically(texts: Map<string, string>): void {
  const temps: Array<{ temp: string; file: string }> = [];
  try {
    for (const [file, text] of texts) {
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.importscan-${process.pid}-${temps.length}.tmp`);
      const mode = fs.statSync(file).mode;
      fs.writeFileSync(temp, text, { mode });
      temps.push({ temp, file });
    }
  } catch (error) {
    for (const { temp } of temps) fs.rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, file } of temps) fs.renameSync(temp, file);
}
