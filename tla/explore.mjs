// explore.mjs walks a spec's state graph with the offline checker, the npm
// package tla-checker, for the trace and play pages (package tla/page).
// It reads one JSON request on stdin and prints one JSON answer on stdout.
//
//   {"spec":TEXT,"cfg":TEXT,"consts":[EXPR...],"mode":"label","states":[STATE...]}
//     labels each step of a trace: for each state but the last, the value
//     of the variable pageAction in the successor (explore_next) equal to
//     the next state, or null when no step of the spec leads there.
//     Answers {"vars":[...],"consts":{EXPR:TEXT},"labels":[JSON|null...]}.
//   {"spec":TEXT,"cfg":TEXT,"consts":[EXPR...],"mode":"graph","max":N}
//     model-checks the spec and exports its whole state graph (at most N
//     states). Answers {"consts":{...},"explored":N,"error":TEXT,
//     "nodes":[{VAR:TEXT}...],"edges":[[FROM,TO]...]}.
//
// STATE is a state in the checker's JSON form: {"__model":NAME} for a
// model value, {"__tuple":[...]} for a sequence, {"__fn":[[K,V]...]} for a
// function, an object for a record, an array for a set. The spec and cfg
// are those package tla/page generates (with pageAction); constants are
// evaluated in the first initial state and answered as TLA+ text (a name
// the spec lacks is left out).
//
// Usage (from the repository root, after `npm ci --prefix tla`):
//
//   node tla/explore.mjs < request.json
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, 'node_modules', 'tla-checker');

let checker;
try {
  checker = await import(join(pkg, 'tla_checker.js'));
  checker.initSync({ module: readFileSync(join(pkg, 'tla_checker_bg.wasm')) });
} catch (err) {
  console.error(`tla-checker is not installed (${err.message}); run: npm ci --prefix tla`);
  process.exit(3);
}

const req = JSON.parse(readFileSync(0, 'utf8'));
const { spec, cfg } = req;

function call(fn, ...args) {
  const r = JSON.parse(fn(spec, cfg, '{}', ...args));
  if (!r.ok) throw new Error(r.error);
  return r;
}

// canon orders record keys, function entries and set elements, so that
// two JSON forms of one value compare equal as strings.
function canon(v) {
  if (Array.isArray(v)) return v.map(canon).map((x) => JSON.stringify(x)).sort().map((s) => JSON.parse(s));
  if (v === null || typeof v !== 'object') return v;
  if ('__model' in v) return v;
  if ('__tuple' in v) return { __tuple: v.__tuple.map(canon) };
  if ('__fn' in v) {
    const pairs = v.__fn.map(([k, x]) => [canon(k), canon(x)]);
    pairs.sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
    return { __fn: pairs };
  }
  const out = {};
  for (const k of Object.keys(v).sort()) out[k] = canon(v[k]);
  return out;
}

function key(state, vars) {
  const s = {};
  for (const v of vars) if (v !== 'pageAction') s[v] = state[v];
  return JSON.stringify(canon(s));
}

function consts(state) {
  const out = {};
  for (const e of req.consts || []) {
    try {
      out[e] = call(checker.explore_eval, JSON.stringify(state), e).value;
    } catch {
      // A name this version of the spec lacks: the page does without it.
    }
  }
  return out;
}

try {
  const init = call(checker.explore_init);
  const first = init.states[0].json;
  if (req.mode === 'label') {
    const labels = [];
    for (let i = 0; i + 1 < req.states.length; i++) {
      const from = { pageAction: { __tuple: [] } };
      for (const v of init.vars) if (v !== 'pageAction') from[v] = req.states[i][v];
      const want = key(req.states[i + 1], init.vars);
      const next = call(checker.explore_next, JSON.stringify(from));
      const t = next.transitions.find((x) => key(x.state.json, init.vars) === want);
      labels.push(t ? t.state.json.pageAction : null);
    }
    console.log(JSON.stringify({ vars: init.vars.filter((v) => v !== 'pageAction'), consts: consts(first), labels }));
  } else if (req.mode === 'graph') {
    const opts = { cfg_source: cfg, max_states: req.max, max_depth: 1000000, allow_deadlock: true, export_dot: true, dot_mode: 'full' };
    const r = JSON.parse(checker.check_spec_with_options(spec, JSON.stringify(opts)));
    const nodes = [];
    const edges = [];
    for (const line of (r.dot || '').split('\n')) {
      let m = /^\s*s(\d+) \[label="(.*)"(?:,.*)?\];$/.exec(line);
      if (m) {
        const vals = {};
        for (const kv of JSON.parse(`"${m[2]}"`).split('\n')) {
          const i = kv.indexOf('=');
          vals[kv.slice(0, i)] = kv.slice(i + 1);
        }
        nodes[Number(m[1])] = vals;
        continue;
      }
      m = /^\s*s(\d+) -> s(\d+)/.exec(line);
      if (m) edges.push([Number(m[1]), Number(m[2])]);
    }
    console.log(JSON.stringify({ consts: consts(first), explored: r.states_explored, error: r.success ? '' : r.error_message || r.error_type || 'failed', nodes, edges }));
  } else {
    throw new Error(`unknown mode ${req.mode}`);
  }
} catch (err) {
  console.error(`explore.mjs: ${err && err.message ? err.message : err}`);
  process.exit(1);
}
