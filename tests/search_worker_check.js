/* Test helper: the edition's search worker (on the prebuilt index, and building one) beside Material's own worker, on one search_index.json; every reply as JSON on stdout. */
"use strict";
// node search_worker_check.js INDEX_JSON EDITION_WORKER MATERIAL_WORKER QUERIES_JSON SEARCH_JS
const fs = require("fs");
const vm = require("vm");

const [indexPath, editionWorker, materialWorker, queriesPath, searchJs] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
const queries = JSON.parse(fs.readFileSync(queriesPath, "utf8"));

/* A worker script run in a context of its own, as a browser runs it: `ask` posts it a message
   and resolves with what it posts back (structured-clone-like: JSON). */
function start(file) {
  let handler = null, reply = null;
  const context = {console: {warn: () => {}, log: console.log, error: console.error},
    setTimeout, clearTimeout,
    addEventListener: (type, fn) => { if (type === "message") handler = fn; },
    postMessage: (data) => { reply = data; }};
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(file, "utf8"), context, {filename: file});
  return async (message) => {
    reply = null;
    let error = null;
    try { await handler({data: JSON.parse(JSON.stringify(message))}); }
    catch (err) { error = String(err); }
    for (let i = 0; reply === null && error === null && i < 1000; i++)
      await new Promise((resolve) => setTimeout(resolve, 0));
    return error === null ? JSON.parse(JSON.stringify(reply)) : {error};
  };
}

(async () => {
  const plain = Object.assign({}, index.config);
  delete plain.prebuilt;
  const setups = {
    material: [materialWorker, plain],
    prebuilt: [editionWorker, index.config],
    fresh: [editionWorker, plain],
  };
  const out = {};
  for (const [name, [file, config]] of Object.entries(setups)) {
    const ask = start(file);
    const started = process.hrtime.bigint();
    const ready = await ask({type: 0, data: {config, docs: index.docs, options: {suggest: false}}});
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const results = [];
    for (const query of queries) results.push(await ask({type: 2, data: query}));
    out[name] = {ready, ms, results, unknown: await ask({type: 7})};
  }
  /* The prebuilt index against the one lunr builds from the same documents, serialized. */
  const search = require(searchJs);
  const fresh = search.build(plain, index.docs);
  const engine = search.load(JSON.parse(index.config.prebuilt), plain, index.docs);
  out.same_serialization = JSON.stringify(fresh.toJSON()) === JSON.stringify(engine.toLunr().toJSON());
  /* The worker's query engine against lunr's own query on lunr's own index, for each query
     and each of its prefixes as typed: the queries that differ in documents, order, scores to
     the bit, or the terms matched in each field. */
  const typed = new Set();
  for (const query of queries) for (let n = 1; n <= query.length; n++) typed.add(query.slice(0, n));
  out.engine_checked = 0;
  out.engine_differs = [];
  const lunr = search.lunr;
  for (const query of typed) {
    const clauses = search.clauses(query, lunr.tokenizer.separator);
    if (!clauses.length) continue;
    const theirs = fresh.query((q) => clauses.forEach((c) => q.term(c.term, {
      presence: c.presence, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING})));
    const ours = engine.query(clauses);
    const shape = (ref, score, pairs) => JSON.stringify([ref, score, pairs.sort()]);
    const a = theirs.map((r) => shape(r.ref, r.score, Object.entries(r.matchData.metadata)
      .flatMap(([term, fields]) => Object.keys(fields).map((field) => term + "/" + field))));
    const b = ours.map((r) => {
      const pairs = [];
      for (let k = 0; k < r.matched.length; k += 2)
        pairs.push(engine.terms[r.matched[k]] + "/" + engine.fields[r.matched[k + 1]]);
      return shape(String(r.i), r.score, pairs);
    });
    out.engine_checked += 1;
    if (JSON.stringify(a) !== JSON.stringify(b)) out.engine_differs.push(query);
  }
  process.stdout.write(JSON.stringify(out));
})();
