// check.mjs decides, with the offline checker tla-checker, whether each of
// many logs is a behaviour of its model; it loads the checker once.
//
// stdin: a JSON array of jobs {name, spec, cfg, records}, each a module and
// cfg written by trace.Module (records: the number of log records).
// stdout: a JSON array of results, in the same order:
//
//   {name, verdict: "accepted"|"rejected"|"error", distinct, trace,
//    matched, message, ms}
//
// accepted: TraceMatched is violated, and trace is the matching behaviour.
// rejected: TraceMatched holds; matched is the largest number of records
// any behaviour matches (found by bisection over TraceBound with the
// invariant TraceBelow), and trace is a shortest behaviour matching them.
//
// Usage, after `npm ci --prefix tla`: node tla/trace/check.mjs < jobs.json
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..', 'node_modules', 'tla-checker');

let checker;
try {
  checker = await import(join(pkg, 'tla_checker.js'));
  checker.initSync({ module: readFileSync(join(pkg, 'tla_checker_bg.wasm')) });
} catch (err) {
  console.error(`tla-checker is not installed (${err.message}); run: npm ci --prefix tla`);
  process.exit(3);
}

function run(spec, cfg) {
  const opts = { cfg_source: cfg, max_states: 5000000, max_depth: 1000000, allow_deadlock: true };
  return JSON.parse(checker.check_spec_with_options(spec, JSON.stringify(opts)));
}

const violated = (r) => r.error_type === 'InvariantViolation';
const traceOf = (r) => (r.trace && r.trace.length > 0 ? r.trace[0] : '');

// reach reports whether some behaviour matches at least k records.
function reach(job, k) {
  const spec = job.spec.replace(/^TraceBound == 0$/m, `TraceBound == ${k}`);
  const cfg = job.cfg.replace(/^INVARIANT TraceMatched$/m, 'INVARIANT TraceBelow');
  return run(spec, cfg);
}

const jobs = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const job of jobs) {
  const start = Date.now();
  const out = { name: job.name, verdict: 'error', distinct: 0, trace: '', matched: 0, message: '', ms: 0 };
  try {
    const r = run(job.spec, job.cfg);
    out.distinct = r.states_explored ?? 0;
    if (violated(r)) {
      out.verdict = 'accepted';
      out.matched = job.records;
      out.trace = traceOf(r);
    } else if (r.success) {
      out.verdict = 'rejected';
      let lo = 0; // reach(lo) holds: the initial state matches 0 records
      let hi = job.records; // reach(hi) fails: the log is rejected
      let best = reach(job, 0);
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        const m = reach(job, mid);
        if (violated(m)) {
          lo = mid;
          best = m;
        } else {
          hi = mid;
        }
      }
      out.matched = lo;
      out.trace = traceOf(best);
    } else {
      out.message = `${r.error_type}: ${r.error_message}`;
    }
  } catch (err) {
    out.message = String(err && err.message ? err.message : err);
  }
  out.ms = Date.now() - start;
  results.push(out);
}
console.log(JSON.stringify(results));
