/* Why by hand: Material 9.8 dropped prebuilt indexes; lunr.js loads the index and runs the query, this file answers Material's search box from it. */

/* The edition's search worker. Material's search box talks to its worker in four messages
   (SETUP 0 with {config, docs, options} -> READY 1; QUERY 2 with the typed text -> RESULT 3 with
   {items: groups of results}); this worker answers them from the index packed at build time
   (index.js). What it returns is what the box shows: per page a group, the page first when it
   matched, each result's title and text with the matched words in <mark>, its score, and which
   typed words it has (true) or lacks (false: the box's "Missing:" line). Written for this
   edition; Material's own worker is the reference its tests compare it with. In Node (tests),
   module.exports. */
(function (root) {
  "use strict";
  var ix = root.editionIndex || require("./index.js");
  var lunr = ix.lunr;
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var SHOWN = ["title", "text", "tags"];

  /* The typed text as lunr clauses: each word a prefix (a reader is still typing it), "+word",
     the words of a "quoted phrase" and the parts of a word the separator cuts required,
     "-word" excluded; lunr's own operators (field:, ~, ^) are not read. */
  function clauses(typed, separator) {
    var out = [];
    var parts = typed.match(/"[^"]*"?|\S+/g) || [];
    parts.forEach(function (part) {
      var presence = lunr.Query.presence.OPTIONAL;
      if (part.charAt(0) === '"') {
        presence = lunr.Query.presence.REQUIRED;
      } else if (part.charAt(0) === "+") {
        presence = lunr.Query.presence.REQUIRED;
      } else if (part.charAt(0) === "-") {
        presence = lunr.Query.presence.PROHIBITED;
      }
      var words = ix.words(part.replace(/^[+-]/, ""), separator);
      /* the parts of one written word ("Al-Quds", "61/49") are wanted together */
      if (words.length > 1 && presence === lunr.Query.presence.OPTIONAL)
        presence = lunr.Query.presence.REQUIRED;
      words.forEach(function (word) { out.push({term: word, presence: presence}); });
    });
    return out;
  }

  /* Which typed words a result has: true when one of the index words it matched begins with
     it; false when none does and the word is not a stop word (the box lists it as missing). */
  function typedWords(wanted, matched) {
    var out = {};
    wanted.forEach(function (clause) {
      if (clause.presence === lunr.Query.presence.PROHIBITED || clause.term in out) return;
      var has = matched.some(function (word) { return word.indexOf(clause.term) === 0; });
      if (has || lunr.stopWordFilter(clause.term)) out[clause.term] = has;
    });
    return out;
  }

  /* Where a field's words and blocks stand, found once per field: marking a result is then
     a matter of its matched words' places (a keystroke at 50x the text has ~3,000 results).
     A block is a top-level element with the text before it, or the text after the last one;
     its shown part runs from its first tag or word to the end of its last. */
  function Layout(html, separator) {
    this.html = html;
    this.at = new Map();  /* lower-case word -> [start, end, block, ...] */
    this.blocks = [];     /* [from, to] of each block's shown part */
    var depth = 0, block = 0, first = -1, last = -1, self = this, tag = /<(\/?)[^>]*?(\/?)>/g;
    var pieces = html.split(/(<[^>]*>)/), offset = 0;
    function close() {
      if (first >= 0) self.blocks[block] = [first, last];
      else self.blocks[block] = [0, 0];
      block += 1;
      first = last = -1;
    }
    pieces.forEach(function (piece) {
      var start = offset;
      offset += piece.length;
      if (!piece) return;
      if (piece.charAt(0) === "<") {
        if (first < 0) first = start;
        last = offset;
        tag.lastIndex = 0;
        var m = tag.exec(piece);
        if (!m || m[2] || /^<(?:br|hr|img|input|meta|link|wbr)\b/i.test(piece)) return;
        depth += m[1] ? -1 : 1;
        if (m[1] && depth === 0) close();
        return;
      }
      ix.eachWord(piece, separator, function (from, to) {
        if (first < 0) first = start + from;
        last = start + to;
        var word = piece.slice(from, to).toLowerCase(), places = self.at.get(word);
        if (!places) self.at.set(word, places = []);
        places.push(start + from, start + to, block);
      });
    });
    if (first >= 0) close();
  }

  /* The field with the given words in <mark>: the whole of it, or (`blocksOnly`) the shown
     parts of the first two blocks that hold one. */
  Layout.prototype.mark = function (words, blocksOnly) {
    var places = [];
    words.forEach(function (word) {
      var at = this.at.get(word);
      if (at) for (var k = 0; k < at.length; k += 3) places.push([at[k], at[k + 1], at[k + 2]]);
    }, this);
    if (!places.length) return this.html;
    places.sort(function (a, b) { return a[0] - b[0]; });
    var html = this.html;
    function marked(from, to, inside) {
      var out = "", cursor = from;
      inside.forEach(function (p) {
        out += html.slice(cursor, p[0]) + "<mark>" + html.slice(p[0], p[1]) + "</mark>";
        cursor = p[1];
      });
      return out + html.slice(cursor, to);
    }
    if (!blocksOnly) return marked(0, html.length, places);
    var out = "", kept = [];
    places.forEach(function (p) { if (kept.indexOf(p[2]) < 0 && kept.length < 2) kept.push(p[2]); });
    kept.forEach(function (b) {
      var range = this.blocks[b];
      out += marked(range[0], range[1], places.filter(function (p) { return p[2] === b; }));
    }, this);
    return out;
  };

  function Search(data) {
    var config = data.config;
    this.docs = data.docs;
    this.options = data.options || {};
    this.index = config.prebuilt
      ? ix.unpack(JSON.parse(config.prebuilt), config, this.docs)
      : ix.build(config, this.docs);
    this.separator = lunr.tokenizer.separator;
    this.fields = SHOWN.filter(function (f) { return this.index.fields.indexOf(f) >= 0; }, this);
    /* A page is the first document with its path; a section or paragraph shares the path. */
    var pages = new Map();
    this.page = this.docs.map(function (doc, i) {
      var path = doc.location.split("#")[0];
      if (!pages.has(path)) pages.set(path, i);
      return pages.get(path);
    });
    this.layouts = new Map();  /* "doc field" -> its Layout */
    this.warmed = 0;
  }

  /* A field of a result as shown: the title (or a list) whole, a text by its blocks. */
  Search.prototype.show = function (i, field, words) {
    var value = this.docs[i][field];
    if (Array.isArray(value)) {
      var sep = this.separator;
      return value.map(function (v) { return new Layout(v, sep).mark(words, false); });
    }
    return this.layout(i, field).mark(words, field === "text");
  };

  Search.prototype.layout = function (i, field) {
    var key = i + " " + field, out = this.layouts.get(key);
    if (!out) this.layouts.set(key, out = new Layout(this.docs[i][field], this.separator));
    return out;
  };

  /* Lay out the next documents' shown fields for about `ms`, between queries; whether any are
     left (the first keystrokes need not wait for thousands of them). */
  Search.prototype.warm = function (ms) {
    var until = Date.now() + ms;
    while (this.warmed < this.docs.length && Date.now() < until) {
      var doc = this.docs[this.warmed];
      this.fields.forEach(function (field) {
        if (typeof doc[field] === "string") this.layout(this.warmed, field);
      }, this);
      this.warmed += 1;
    }
    return this.warmed < this.docs.length;
  };

  Search.prototype.item = function (i, score, terms, metadata) {
    var doc = this.docs[i], item = {location: doc.location, title: doc.title, text: doc.text};
    if (doc.tags) item.tags = doc.tags.slice();
    if (metadata) {
      this.fields.forEach(function (field) {
        if (item[field] === undefined) return;
        var words = Object.keys(metadata).filter(function (w) { return field in metadata[w]; });
        if (words.length) item[field] = this.show(i, field, words);
      }, this);
    }
    item.score = score;
    item.terms = terms;
    return item;
  };

  Search.prototype.search = function (typed) {
    var wanted = clauses(typed, this.separator);
    if (!wanted.length) return {items: []};
    var results = this.index.query(function (query) {
      wanted.forEach(function (clause) {
        query.term(clause.term, {presence: clause.presence, usePipeline: false,
                                 wildcard: lunr.Query.wildcard.TRAILING});
      });
    });
    /* A page ranks above its own parts, and a result with more of the typed words above one
       with fewer: lunr's score times 1 + (page + share of the words)^2. */
    var scored = results.map(function (result) {
      var i = +result.ref, metadata = result.matchData.metadata;
      var terms = typedWords(wanted, Object.keys(metadata));
      var keys = Object.keys(terms);
      var share = keys.length ? keys.filter(function (k) { return terms[k]; }).length
                                / keys.length : 0;
      var lift = (this.page[i] === i ? 1 : 0) + share;
      return {i: i, score: result.score * (1 + Math.pow(lift, 2)), terms: terms,
              metadata: metadata};
    }, this).sort(function (a, b) { return b.score - a.score; });
    var groups = new Map();
    scored.forEach(function (r) {
      var page = this.page[r.i], group = groups.get(page);
      if (!group) groups.set(page, group = []);
      group.push(this.item(r.i, r.score, r.terms, r.metadata));
    }, this);
    groups.forEach(function (group, page) {
      var location = this.docs[page].location;
      if (!group.some(function (item) { return item.location === location; }))
        group.push(this.item(page, 0, {}, null));
    }, this);
    var out = {items: Array.from(groups.values())};
    if (this.options.suggest) out.suggest = [];
    return out;
  };

  var search;

  function answer(message) {
    if (message.type === SETUP) {
      search = new Search(message.data);
      return {type: READY};
    }
    if (message.type === QUERY) {
      try {
        return {type: RESULT, data: search.search(message.data)};
      } catch (err) {
        console.warn("search: no result for " + JSON.stringify(message.data), err);
        return {type: RESULT, data: {items: []}};
      }
    }
    throw new TypeError("Invalid message type");
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = Object.assign({Search: Search, handler: answer, Layout: Layout}, ix);
  } else {
    root.lunr = lunr;
    addEventListener("message", function (ev) {
      postMessage(answer(ev.data));
      if (ev.data.type === SETUP) setTimeout(function next() {
        if (search.warm(8)) setTimeout(next, 0);
      }, 0);
    });
  }
})(typeof self !== "undefined" ? self : globalThis);
