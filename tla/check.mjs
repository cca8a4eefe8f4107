// check.mjs model-checks one TLA+ spec with its .cfg using the offline
// checker, the npm package tla-checker (a TLA+ model checker compiled to
// WebAssembly), and prints one JSON object on stdout:
//
//   {"checker":"tla-checker","verdict":"holds"|"deadlock"|"invariant"|
//    "property"|"error","violated":NAME,"distinct":N,"traceStates":N,
//    "trace":TEXT,"message":TEXT,"ms":N}
//
// Usage (from the repository root, after `npm ci --prefix tla`):
//
//   node tla/check.mjs tla/Queue.tla tla/Queue.cfg
//
// Deadlock is checked, as TLC does by default. The checker reports a
// violated invariant by its position in the cfg and a violated temporal
// property by its formula; this script maps both back to the cfg's names
// (for a property, by checking the cfg's properties one at a time).
// A liveness counterexample is a lasso; traceStates counts its distinct
// states, the loop's included, as TLC does.
// The checker takes fairness from the operator named Spec, whatever the
// cfg's SPECIFICATION says; a cfg naming another operator is refused
// rather than checked without its fairness.
// The exit status is 0 whenever a verdict was reached, whatever it is,
// 2 on a usage error or a refused cfg, 3 when the checker itself failed.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, 'node_modules', 'tla-checker');

const [specPath, cfgPath] = process.argv.slice(2);
if (!specPath || !cfgPath) {
  console.error('usage: node tla/check.mjs SPEC.tla SPEC.cfg');
  process.exit(2);
}

let checker;
try {
  checker = await import(join(pkg, 'tla_checker.js'));
  checker.initSync({ module: readFileSync(join(pkg, 'tla_checker_bg.wasm')) });
} catch (err) {
  console.error(`tla-checker is not installed (${err.message}); run: npm ci --prefix tla`);
  process.exit(3);
}

const spec = readFileSync(specPath, 'utf8');
const cfg = readFileSync(cfgPath, 'utf8');

// cfgNames returns the names listed under the given cfg keywords, in order.
function cfgNames(text, keywords) {
  const names = [];
  let inSection = false;
  for (let line of text.split('\n')) {
    line = line.replace(/\\\*.*$/, '').trim();
    if (line === '') continue;
    const words = line.split(/\s+/);
    if (/^[A-Z_]+$/.test(words[0])) {
      inSection = keywords.includes(words[0]);
      if (inSection) names.push(...words.slice(1));
    } else if (inSection) {
      names.push(...words);
    }
  }
  return names;
}

// withoutSections returns the cfg text less the given keywords' sections.
function withoutSections(text, keywords) {
  const kept = [];
  let drop = false;
  for (const line of text.split('\n')) {
    const first = line.replace(/\\\*.*$/, '').trim().split(/\s+/)[0];
    if (/^[A-Z_]+$/.test(first)) drop = keywords.includes(first);
    if (!drop) kept.push(line);
  }
  return kept.join('\n');
}

const specNames = cfgNames(cfg, ['SPECIFICATION']);
if (specNames.length > 0 && (specNames.length > 1 || specNames[0] !== 'Spec')) {
  console.error(`${cfgPath}: SPECIFICATION ${specNames.join(' ')}: the offline checker takes fairness only from the operator named Spec; name the specification Spec (choose fairness with a constant)`);
  process.exit(2);
}

function run(cfgText) {
  const opts = {
    cfg_source: cfgText,
    max_states: 20000000,
    max_depth: 1000000,
    allow_deadlock: false,
  };
  return JSON.parse(checker.check_spec_with_options(spec, JSON.stringify(opts)));
}

const start = Date.now();
let r;
try {
  r = run(cfg);
} catch (err) {
  console.error(`tla-checker failed: ${err && err.message ? err.message : err}`);
  process.exit(3);
}
const out = {
  checker: 'tla-checker',
  verdict: 'error',
  violated: '',
  distinct: r.states_explored ?? 0,
  traceStates: 0,
  trace: (r.trace || []).join('--- back to ---\n'),
  message: r.error_message || '',
  ms: 0,
};
// The first element of r.trace is the path from an initial state; a
// liveness counterexample adds the loop as a second element, which starts
// at the path's last state.
const states = (t) => (t.match(/^State \d+/gm) || []).length;
if (r.trace && r.trace.length > 0) {
  out.traceStates = states(r.trace[0]);
  if (r.trace.length > 1) out.traceStates += Math.max(0, states(r.trace[1]) - 1);
}

if (r.success) {
  out.verdict = 'holds';
} else if (r.error_type === 'Deadlock') {
  out.verdict = 'deadlock';
} else if (r.error_type === 'InvariantViolation') {
  out.verdict = 'invariant';
  const invariants = cfgNames(cfg, ['INVARIANT', 'INVARIANTS']);
  const m = /Invariant (\d+) violated/.exec(r.error_message || '');
  out.violated = m ? (invariants[Number(m[1])] ?? `#${m[1]}`) : '?';
} else if (r.error_type === 'LivenessViolation') {
  out.verdict = 'property';
  const props = cfgNames(cfg, ['PROPERTY', 'PROPERTIES']);
  out.violated = props.length === 1 ? props[0] : '?';
  if (props.length > 1) {
    // Find the violated one: check each property on its own.
    const base = withoutSections(cfg, ['PROPERTY', 'PROPERTIES']);
    for (const p of props) {
      const one = run(`${base}\nPROPERTY ${p}\n`);
      if (one.error_type === 'LivenessViolation') {
        out.violated = p;
        break;
      }
    }
  }
}
out.ms = Date.now() - start;
console.log(JSON.stringify(out));
