/* Why by hand: Material 9.8 dropped prebuilt indexes; lunr.js builds and loads the index, this file only says what a word is and packs lunr's counts. */

/* The edition's search index: its words (the text outside tags, cut by the search separator,
   lower case), a lunr builder set up for the search plugin's config, and lunr's counts packed
   at build time (prebuild.js) and unpacked into a lunr.Index in the worker (search.js). */
(function (root) {
  "use strict";
  var lunr = root.lunr || require("lunr");
  var PIPELINE = ["trimmer", "stopWordFilter", "stemmer"];
  var TAG = /<[^>]*>/g;

  /* The separator as a global RegExp (one per source: exec keeps its place in lastIndex). */
  var globals = new Map();
  function global(separator) {
    var source = separator.source || String(separator);
    var re = globals.get(source);
    if (!re) globals.set(source, re = new RegExp(source, "g"));
    re.lastIndex = 0;
    return re;
  }

  /* Each word of a plain text: fn(start, end) between two runs of the separator. */
  function eachWord(text, separator, fn) {
    var re = global(separator), from = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex += 1; continue; }
      if (m.index > from) fn(from, m.index);
      from = m.index + m[0].length;
    }
    if (from < text.length) fn(from, text.length);
  }

  /* The words lunr indexes for a field (a string or a list of strings): markup left out. */
  function words(value, separator) {
    var out = [];
    (Array.isArray(value) ? value : [value]).forEach(function (html) {
      if (typeof html !== "string") return;
      var text = html.replace(TAG, " ");
      eachWord(text, separator, function (start, end) {
        out.push(text.slice(start, end).toLowerCase());
      });
    });
    return out;
  }

  function tokenize(value) {
    if (typeof value === "undefined" || value === null) return [];
    return words(value, lunr.tokenizer.separator).map(function (word) {
      return new lunr.Token(word, {});
    });
  }

  /* A lunr builder for the search plugin's `config`: b 0, the words above, the separator, the
     pipeline functions config.pipeline keeps (none: mkdocs.yml says why); refs are the
     documents' positions in `docs`. */
  function builder(config, docs) {
    /* Any language: with no pipeline (search_prebuilt.pack refuses one) a language only
       brings its stemmer and stop words, which are not used; the separator says what a word is. */
    var b = new lunr.Builder();
    b.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    b.searchPipeline.add(lunr.stemmer);
    b.b(0);
    b.tokenizer = tokenize;
    lunr.tokenizer.separator = new RegExp(config.separator);
    PIPELINE.filter(function (fn) { return config.pipeline.indexOf(fn) < 0; })
      .forEach(function (fn) {
        b.pipeline.remove(lunr[fn]);
        b.searchPipeline.remove(lunr[fn]);
      });
    b.ref("ref");
    Object.keys(config.fields).forEach(function (name) {
      b.field(name, Object.assign({}, config.fields[name], {
        extractor: function (doc) { return doc.doc[name]; }
      }));
    });
    if (docs) docs.forEach(function (doc, i) { b.add({ref: String(i), doc: doc}, {boost: doc.boost}); });
    return b;
  }

  /* The index lunr builds from the documents. */
  function build(config, docs) {
    return builder(config, docs).build();
  }

  /* What lunr's builder knows after adding the documents, in few bytes: the terms in the order
     lunr numbered them, and for each field of each document its terms' numbers (gaps) and
     counts. lunr's own serialization carries every score as text and every posting as an
     object; its scores are computed again from these, by lunr's own build(). */
  function pack(config, docs) {
    var b = builder(config, docs);
    var terms = [];
    Object.keys(b.invertedIndex).forEach(function (term) { terms[b.invertedIndex[term]._index] = term; });
    var fields = Object.keys(b._fields);
    var vectors = fields.map(function (field) {
      return docs.map(function (doc, i) {
        var frequencies = b.fieldTermFrequencies[new lunr.FieldRef(String(i), field)];
        var pairs = Object.keys(frequencies).map(function (term) {
          return [b.invertedIndex[term]._index, frequencies[term]];
        }).sort(function (x, y) { return x[0] - y[0]; });
        var out = [], last = 0;
        pairs.forEach(function (pair) {
          out.push(pair[0] - last, pair[1]);
          last = pair[0];
        });
        return out;
      });
    });
    return {lunr: lunr.version, fields: fields, terms: terms, vectors: vectors};
  }

  /* The packed counts loaded for querying (Engine, below): for each term and field, the
     documents that hold it and the term's weight in each, lunr's score to the thousandth as
     lunr.Builder's createFieldVectors computes it (lunr's idf, BM25 with k1 and b, the field's
     and the document's boosts). */
  function load(data, config, docs) {
    if (data.lunr !== lunr.version)
      throw new Error("the index was packed by lunr " + data.lunr + ", not " + lunr.version);
    var b = builder(config);
    var fields = Object.keys(b._fields), nfields = fields.length, ndocs = docs.length;
    if (fields.join() !== data.fields.join())
      throw new Error("the index's fields are " + data.fields + ", not " + fields);
    var nterms = data.terms.length;
    var refs = new Array(nterms * nfields);     /* term, field -> documents, ascending */
    var weights = new Array(nterms * nfields);  /* term, field -> the term's weight in each */
    var counts = new Uint32Array(nterms);
    var lengths = fields.map(function (field, f) {
      var out = new Float64Array(ndocs);
      for (var i = 0; i < ndocs; i++) {
        var packed = data.vectors[f][i], length = 0;
        for (var k = 0, t = 0; k < packed.length; k += 2) {
          t += packed[k];
          (refs[t * nfields + f] || (refs[t * nfields + f] = [])).push(i);
          counts[t] += 1;
          length += packed[k + 1];
        }
        out[i] = length;
      }
      return out;
    });
    /* lunr.idf: documents counted once per field that holds the term */
    var idf = new Float64Array(nterms);
    for (var t = 0; t < nterms; t++) {
      var x = (ndocs - counts[t] + 0.5) / (counts[t] + 0.5);
      idf[t] = Math.log(1 + Math.abs(x));
    }
    var averages = lengths.map(function (n) {
      var sum = 0;
      for (var i = 0; i < ndocs; i++) sum += n[i];
      return sum / ndocs;
    });
    var k1 = b._k1, b0 = b._b;
    /* documents in ascending order, as in refs: a term's weights stand beside its documents */
    for (var i = 0; i < ndocs; i++) {
      var docBoost = docs[i].boost || 1;
      for (var f = 0; f < nfields; f++) {
        var fieldBoost = b._fields[fields[f]].boost || 1;
        var norm = k1 * (1 - b0 + b0 * (lengths[f][i] / averages[f]));
        var packed = data.vectors[f][i];
        for (var k = 0, t = 0; k < packed.length; k += 2) {
          t += packed[k];
          var tf = packed[k + 1];
          var score = idf[t] * ((k1 + 1) * tf) / (norm + tf);
          score *= fieldBoost;
          score *= docBoost;
          var at = t * nfields + f;
          (weights[at] || (weights[at] = [])).push(Math.round(score * 1000) / 1000);
        }
      }
    }
    return new Engine(data.terms, fields, ndocs, refs, weights, b.searchPipeline);
  }

  /* The index's terms as lunr's TokenSet (what a typed prefix expands to) are made after the
     index is ready (tokens()), or by the first query if it comes sooner. */
  function Engine(terms, fields, ndocs, refs, weights, pipeline) {
    this.terms = terms;
    this.fields = fields;
    this.ndocs = ndocs;
    this.refs = refs;
    this.weights = weights;
    this.pipeline = pipeline;
    this.number = new Map(terms.map(function (term, t) { return [term, t]; }));
    this.tokenSet = null;
    this.expanded = new Map();  /* a typed term -> the numbers of the terms it reaches */
    var n = ndocs * fields.length;
    /* scratch space of a query, per (field, document) and per document, cleared after use */
    this.dot = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.required = new Uint32Array(ndocs);
    this.stamp = new Uint32Array(ndocs);
    this.prohibited = new Uint8Array(ndocs);
    this.marks = 0;
  }

  Engine.prototype.tokens = function () {
    return this.tokenSet || (this.tokenSet = lunr.TokenSet.fromArray(this.terms.slice().sort()));
  };

  /* The terms a clause's word reaches as lunr's query finds them: the word with a trailing
     wildcard, intersected with the index's TokenSet, in lunr's order. */
  Engine.prototype.expand = function (word) {
    var out = this.expanded.get(word);
    if (out) return out;
    this.tokens();
    var query = new lunr.Query(this.fields);
    query.term(word, {usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING});
    var found = this.tokenSet.intersect(lunr.TokenSet.fromClause(query.clauses[0])).toArray();
    var number = this.number;
    out = Int32Array.from(found, function (term) { return number.get(term); });
    this.expanded.set(word, out);
    return out;
  };

  /* lunr.Index.query for clauses [{term, presence}] (each term a prefix, no pipeline, boost 1),
     with lunr's results to the bit: the same documents, scores and order, and for each the
     terms it matched in which fields (lunr's matchData). By hand over arrays of numbers:
     lunr's own query makes an object per matched field of every document, and at 50 times
     the text a two-letter prefix reaches nearly every document. Returns [{i, score, matched:
     [term, field, ...]}], best first. */
  Engine.prototype.query = function (clauses) {
    var P = lunr.Query.presence, nfields = this.fields.length, ndocs = this.ndocs;
    var refs = this.refs, dot = this.dot, seen = this.seen, required = this.required;
    var stamp = this.stamp, prohibited = this.prohibited;
    var order = [], boosts = new Map(), done = new Set(), matched = [];
    var needed = 0, negated = true, banned = [], mark = 0;
    for (var c = 0; c < clauses.length; c++) {
      var clause = clauses[c], terms = this.expand(clause.term);
      if (clause.presence !== P.PROHIBITED) negated = false;
      if (clause.presence === P.REQUIRED) {
        needed += 1;
        /* a new stamp per required clause: a document counts once for it, whatever term of
           it reaches the document */
        mark = this.marks += 1;
      }
      for (var j = 0; j < terms.length; j++) {
        var t = terms[j];
        for (var f = 0; f < nfields; f++) {
          var docs = refs[t * nfields + f];
          if (!docs) continue;
          if (clause.presence === P.REQUIRED) {
            for (var k = 0; k < docs.length; k++) {
              if (stamp[docs[k]] !== mark) { stamp[docs[k]] = mark; required[docs[k]] += 1; }
            }
          } else if (clause.presence === P.PROHIBITED) {
            for (var n = 0; n < docs.length; n++) {
              if (!prohibited[docs[n]]) { prohibited[docs[n]] = 1; banned.push(docs[n]); }
            }
            continue;
          }
          if (done.has(t)) continue;
          for (var m = 0; m < docs.length; m++) {
            var key = f * ndocs + docs[m];
            if (!seen[key]) { seen[key] = 1; order.push(key); matched[key] = []; }
            matched[key].push(t, f);
          }
        }
        if (clause.presence !== P.PROHIBITED) {
          boosts.set(t, (boosts.get(t) || 0) + 1);
          done.add(t);
        }
      }
    }
    /* lunr.Vector's dot and magnitude: the query's terms in ascending order */
    var ascending = Array.from(boosts.keys()).sort(function (x, y) { return x - y; });
    var squares = 0;
    for (var a = 0; a < ascending.length; a++) {
      var term = ascending[a], boost = boosts.get(term);
      squares += boost * boost;
      for (var g = 0; g < nfields; g++) {
        var held = refs[term * nfields + g], weight = this.weights[term * nfields + g];
        if (!held) continue;
        for (var h = 0; h < held.length; h++) dot[g * ndocs + held[h]] += boost * weight[h];
      }
    }
    var magnitude = Math.sqrt(squares), results = [], byDoc = new Map();
    if (negated) {
      order = [];
      for (var d = 0; d < ndocs; d++) for (var e = 0; e < nfields; e++) order.push(e * ndocs + d);
    }
    for (var o = 0; o < order.length; o++) {
      var at = order[o], doc = at % ndocs;
      if (needed && required[doc] !== needed) continue;
      if (prohibited[doc]) continue;
      var score = dot[at] / magnitude || 0, result = byDoc.get(doc);
      if (result) {
        result.score += score;
        if (matched[at]) result.matched.push.apply(result.matched, matched[at]);
      } else {
        result = {i: doc, score: score, matched: matched[at] || []};
        byDoc.set(doc, result);
        results.push(result);
      }
    }
    for (var z = 0; z < order.length; z++) { dot[order[z]] = 0; seen[order[z]] = 0; }
    required.fill(0);
    banned.forEach(function (doc) { prohibited[doc] = 0; });
    return results.sort(function (x, y) { return y.score - x.score; });
  };

  /* The lunr.Index of the same counts, as lunr's build() makes it: tests compare its
     serialization with lunr's own, and its queries with Engine.query. */
  Engine.prototype.toLunr = function () {
    var fields = this.fields, nfields = fields.length, ndocs = this.ndocs, self = this;
    var elements = [];
    for (var t = 0; t < this.terms.length; t++) {
      for (var f = 0; f < nfields; f++) {
        var docs = this.refs[t * nfields + f] || [], weight = this.weights[t * nfields + f];
        for (var k = 0; k < docs.length; k++) {
          var at = docs[k] * nfields + f;
          (elements[at] || (elements[at] = [])).push(t, weight[k]);
        }
      }
    }
    var fieldVectors = Object.create(null);
    for (var i = 0; i < ndocs; i++) {
      for (var g = 0; g < nfields; g++)
        fieldVectors[fields[g] + "/" + i] = new lunr.Vector(elements[i * nfields + g] || []);
    }
    var invertedIndex = Object.create(null);
    this.terms.forEach(function (term, index) {
      var posting = Object.create(null);
      posting._index = index;
      fields.forEach(function (field, f) {
        var fieldPosting = posting[field] = Object.create(null);
        (self.refs[index * nfields + f] || []).forEach(function (doc) {
          fieldPosting[doc] = Object.create(null);
        });
      });
      invertedIndex[term] = posting;
    });
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: this.tokens(),
      fields: fields,
      pipeline: this.pipeline
    });
  };

  /* The index lunr builds from the documents, loaded as Engine. */
  function fresh(config, docs) {
    return load(pack(config, docs), config, docs);
  }

  var exported = {eachWord: eachWord, words: words, builder: builder, build: build, pack: pack,
                  load: load, fresh: fresh, Engine: Engine, lunr: lunr};
  if (typeof module !== "undefined" && module.exports) module.exports = exported;
  else root.editionIndex = exported;
})(typeof self !== "undefined" ? self : globalThis);
