// rules/heavy-dependency: an eager import of a heavy package, at the import statement in a project file.
import { describeWeight } from '../weigh/describe.js';
import { createRule } from './rule.js';

/** At most this many entries are named in a message; the finding's `entries` lists them all. */
const NAMED_ENTRIES = 3;

export default createRule({
  meta: {
    id: 'heavy-dependency',
    defaultSeverity: 'warning',
    description: 'An eager import of a heavy package (see docs/weights.md), at the import statement in a project file.',
    hasFix: false,
  },
  check({ graph, weights, config, report }) {
    // Over the indexed graph's edges (no edge objects, no entry lists for the many files that import
    // no heavy package); findings are sorted after the rules run, so the order here is free.
    const g = graph.indexed();
    for (let id = 0; id < g.names.length; id++) {
      if (g.isPackage[id]) continue;
      const file = g.names[id]!;
      for (let k = g.start[id]!, end = g.start[id + 1]!; k < end; k++) {
        const target = g.names[g.target[k]!]!;
        if (g.isLazy[k] || !g.isPackage[g.target[k]!] || !weights.isHeavy(target)) continue;
        const entries = graph.entriesOf(file);
        if (entries.length === 0) continue;
        const fact = g.facts[id]!.imports[g.importIndex[k]!]!;
        const name = graph.rel(target);
        const weight = weights.of(target);
        const reason = config.heavy.packages.includes(name) ? '; listed in heavy.packages' : weight?.isCatalogued ? '; catalogued as heavy' : '';
        const values = fact.bindings.filter((b) => !b.isTypeOnly && b.imported !== 'default' && b.imported !== '*');
        const names = values.length ? `{ ${values.map((b) => (b.imported === b.local ? b.local : `${b.imported}: ${b.local}`)).join(', ')} }` : 'm';
        const named = entries.slice(0, NAMED_ENTRIES).map((e) => graph.rel(e));
        const more = entries.length > NAMED_ENTRIES ? ` and ${entries.length - NAMED_ENTRIES} more` : '';
        const into = entries.length === 1 ? `entry ${named[0]}` : `${entries.length} entries: ${named.join(', ')}${more}`;
        const chain = graph.chain(entries[0]!, file).map((n) => graph.rel(n));
        report({
          file,
          line: fact.line,
          column: fact.column,
          message: `heavy package ${name} (${describeWeight(weight)}${reason}) is imported eagerly into ${into}`,
          why:
            chain.length > 1
              ? `Node loads all of it when ${chain[0]} is imported, via ${chain.slice(1).join(' -> ')}`
              : `Node loads all of it when ${chain[0]} is imported`,
          help: `load it where it is used (\`const ${names} = await import('${fact.specifier}')\` inside the function), or import a smaller entry point of ${name}`,
        });
      }
    }
  },
});
