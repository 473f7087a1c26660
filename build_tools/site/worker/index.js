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

  /* The lunr index of packed data, as lunr's build() would make it from the same counts
     (tests/test_search_prebuilt.py checks it is, to the byte of lunr's serialization). By hand,
     not through lunr's builder, which allocates a dictionary per field of every document and an
     object per posting: at 50 times the text that took most of a second. Here a term's postings
     are made when a query first reaches the term. */
  var EMPTY = Object.freeze(Object.create(null));  /* a posting's metadata: none is kept */

  function unpack(data, config, docs) {
    if (data.lunr !== lunr.version)
      throw new Error("the index was packed by lunr " + data.lunr + ", not " + lunr.version);
    var b = builder(config);
    var fields = Object.keys(b._fields), nfields = fields.length, ndocs = docs.length;
    if (fields.join() !== data.fields.join())
      throw new Error("the index's fields are " + data.fields + ", not " + fields);
    var nterms = data.terms.length;
    var refs = new Array(nterms * nfields);  /* term, field -> the documents that hold it */
    var counts = new Uint32Array(nterms);
    var lengths = fields.map(function (field, f) {
      var out = new Array(ndocs);
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
    /* lunr.Builder's calculateAverageFieldLengths and createFieldVectors, in lunr's order */
    var averages = lengths.map(function (n) {
      return n.reduce(function (sum, l) { return sum + l; }, 0) / ndocs;
    });
    var k1 = b._k1, b0 = b._b, fieldVectors = Object.create(null);
    for (var i = 0; i < ndocs; i++) {
      var docBoost = docs[i].boost || 1;
      for (var f = 0; f < nfields; f++) {
        var fieldBoost = b._fields[fields[f]].boost || 1;
        var norm = k1 * (1 - b0 + b0 * (lengths[f][i] / averages[f]));
        var packed = data.vectors[f][i], elements = new Array(packed.length);
        for (var k = 0, t = 0; k < packed.length; k += 2) {
          t += packed[k];
          var tf = packed[k + 1];
          var score = idf[t] * ((k1 + 1) * tf) / (norm + tf);
          score *= fieldBoost;
          score *= docBoost;
          elements[k] = t;
          elements[k + 1] = Math.round(score * 1000) / 1000;
        }
        fieldVectors[fields[f] + "/" + i] = new lunr.Vector(elements);
      }
    }
    var invertedIndex = Object.create(null);
    data.terms.forEach(function (term, index) {
      Object.defineProperty(invertedIndex, term, {
        configurable: true, enumerable: true,
        get: function () {
          var posting = Object.create(null);
          posting._index = index;
          fields.forEach(function (field, f) {
            var fieldPosting = posting[field] = Object.create(null);
            (refs[index * nfields + f] || []).forEach(function (i) { fieldPosting[i] = EMPTY; });
          });
          Object.defineProperty(invertedIndex, term, {
            configurable: true, enumerable: true, writable: true, value: posting
          });
          return posting;
        }
      });
    });
    return new lunr.Index({
      invertedIndex: invertedIndex,
      fieldVectors: fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(data.terms.slice().sort()),
      fields: fields,
      pipeline: b.searchPipeline
    });
  }

  var exported = {eachWord: eachWord, words: words, builder: builder, build: build, pack: pack,
                  unpack: unpack, lunr: lunr};
  if (typeof module !== "undefined" && module.exports) module.exports = exported;
  else root.editionIndex = exported;
})(typeof self !== "undefined" ? self : globalThis);
