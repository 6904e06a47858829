// fix: read what the rewrites need while the scan has a file's tree in memory, as plain data in its
// facts (cached with them), so the lazy-import rule never parses a file a second time: the shapes
// of the functions candidate imports are used in, and the own-file part of instance accessors.
import type { TreeHook } from '../parse/extract.js';
import { detailsOf } from '../parse/details.js';
import { indexTree } from './ast.js';
import { planAccessorDeclarations } from './instance-accessor.js';
import { lazyShapesOf } from './lazy-shapes.js';

/** The tree hook of the lazy-import rule. */
export const rewriteFactsHook: TreeHook = (sf, facts, text) => {
  const details = detailsOf(facts);
  const accessors = planAccessorDeclarations(sf, facts, text);
  if (accessors) details.accessorPlans = accessors;
  const shapes = lazyShapesOf(indexTree(sf, text), facts);
  if (shapes) details.lazyShapes = shapes;
};
