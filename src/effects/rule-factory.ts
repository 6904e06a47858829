// effects: the shared check of the side-effect rules: report the analysed effects of one category.
import type { Rule, RuleMeta } from '../rules/rule.js';
import { analyzeEffects, type Category } from './analyze.js';
import { diagnosticOf } from './messages.js';

/** A side-effect rule: metadata plus "report every module-level effect of this category". */
export function sideEffectRule(meta: RuleMeta, category: Category): Rule {
  return {
    meta: { ...meta, readsFactsOnly: true },
    check({ graph, config, report }) {
      for (const effect of analyzeEffects(graph, config).effects) {
        if (effect.category === category) report(diagnosticOf(graph, effect));
      }
    },
  };
}
