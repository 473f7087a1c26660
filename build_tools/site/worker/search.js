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

  /* The typed words the box's "Missing:" line is about (none excluded, each once), and for
     each result which of them it has: one a term it matched begins with. A result that lacks
     a word that is not a stop word gets it as false; one it has, as true. Results alike in
     what they have share one answer (the words, and the share of them had). */
  function Typed(wanted, terms) {
    var words = this.words = [];
    wanted.forEach(function (clause) {
      if (clause.presence !== lunr.Query.presence.PROHIBITED && words.indexOf(clause.term) < 0)
        words.push(clause.term);
    });
    this.terms = terms;
    this.begins = new Map();  /* term number -> which words it begins with */
    this.answers = new Map();
    this.has = new Uint8Array(words.length);
  }

  Typed.prototype.of = function (matched) {
    var has = this.has, begins = this.begins, words = this.words;
    has.fill(0);
    for (var k = 0; k < matched.length; k += 2) {
      var t = matched[k], which = begins.get(t);
      if (!which) {
        var term = this.terms[t];
        which = [];
        words.forEach(function (word, n) { if (term.indexOf(word) === 0) which.push(n); });
        begins.set(t, which);
      }
      for (var w = 0; w < which.length; w++) has[which[w]] = 1;
    }
    var key = has.join(""), answer = this.answers.get(key);
    if (!answer) {
      var out = {}, listed = 0, had = 0;
      words.forEach(function (word, n) {
        if (has[n] || lunr.stopWordFilter(word)) {
          out[word] = !!has[n];
          listed += 1;
          had += has[n];
        }
      });
      answer = {terms: out, share: listed ? had / listed : 0};
      this.answers.set(key, answer);
    }
    return answer;
  };

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
     parts of the first two blocks that hold one. Each word's places run in order, so the
     places are merged, not sorted, and none outside the blocks shown is looked at. */
  Layout.prototype.mark = function (words, blocksOnly) {
    /* The last answer is kept: a keystroke that lengthens a word mostly matches the same
       words of a result as the one before. */
    var key = (blocksOnly ? "1" : "0") + (words.length === 1 ? words[0]
                                                               : words.slice().sort().join(" "));
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.last = this.marked(words, blocksOnly);
    }
    return this.last;
  };

  Layout.prototype.marked = function (words, blocksOnly) {
    var lists = [];
    for (var w = 0; w < words.length; w++) {
      var at = this.at.get(words[w]);
      if (at) lists.push(at);
    }
    if (!lists.length) return this.html;
    var first = Infinity, second = Infinity;
    if (blocksOnly) {
      lists.forEach(function (at) {
        for (var k = 2; k < at.length && at[k] < second; k += 3) {
          if (at[k] < first) { second = first; first = at[k]; }
          else if (at[k] > first) { second = at[k]; break; }
        }
      });
    }
    var html = this.html, out = "", cursor = 0, block = -1, heads = lists.map(function () { return 0; });
    for (;;) {
      var best = -1, start = Infinity;
      for (var l = 0; l < lists.length; l++) {
        var h = heads[l], list = lists[l];
        if (h < list.length && list[h] < start && list[h + 2] <= second) { start = list[h]; best = l; }
      }
      if (best < 0) break;
      var place = lists[best], p = heads[best];
      heads[best] = p + 3;
      if (blocksOnly && place[p + 2] !== block) {
        if (block >= 0) out += html.slice(cursor, this.blocks[block][1]);
        block = place[p + 2];
        cursor = this.blocks[block][0];
      }
      out += html.slice(cursor, place[p]) + "<mark>" + html.slice(place[p], place[p + 1]) + "</mark>";
      cursor = place[p + 1];
    }
    return out + html.slice(cursor, blocksOnly ? this.blocks[block][1] : html.length);
  };

  function Search(data) {
    var config = data.config;
    this.docs = data.docs;
    this.options = data.options || {};
    this.engine = config.prebuilt
      ? ix.load(JSON.parse(config.prebuilt), config, this.docs)
      : ix.fresh(config, this.docs);
    this.separator = lunr.tokenizer.separator;
    this.fields = SHOWN.filter(function (f) { return this.engine.fields.indexOf(f) >= 0; }, this);
    /* A page is the first document with its path; a section or paragraph shares the path. */
    var pages = new Map();
    this.page = this.docs.map(function (doc, i) {
      var path = doc.location.split("#")[0];
      if (!pages.has(path)) pages.set(path, i);
      return pages.get(path);
    });
    this.layouts = new Map();  /* field -> each document's Layout of it */
    this.fields.forEach(function (field) { this.layouts.set(field, []); }, this);
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
    var laid = this.layouts.get(field);
    return laid[i] || (laid[i] = new Layout(this.docs[i][field], this.separator));
  };

  /* Make the index's TokenSet, then lay out the next documents' shown fields for about `ms`,
     between queries; whether any are left (the first keystrokes need not wait for thousands
     of them). */
  Search.prototype.warm = function (ms) {
    var until = Date.now() + ms;
    this.engine.tokens();
    while (this.warmed < this.docs.length && Date.now() < until) {
      var doc = this.docs[this.warmed];
      this.fields.forEach(function (field) {
        if (typeof doc[field] === "string") this.layout(this.warmed, field);
      }, this);
      this.warmed += 1;
    }
    return this.warmed < this.docs.length;
  };

  /* A result as the box shows it; `matched` the [term, field, ...] pairs it matched, whose
     words are marked (none for a page that only heads its group). */
  Search.prototype.item = function (i, score, terms, matched) {
    var doc = this.docs[i], item = {location: doc.location, title: doc.title, text: doc.text};
    if (doc.tags) item.tags = doc.tags.slice();
    if (matched && matched.length) {
      var fields = this.engine.fields, names = this.engine.terms, words = new Map();
      for (var k = 0; k < matched.length; k += 2) {
        var field = fields[matched[k + 1]], list = words.get(field);
        if (!list) words.set(field, list = []);
        list.push(names[matched[k]]);
      }
      this.fields.forEach(function (field) {
        if (item[field] !== undefined && words.has(field))
          item[field] = this.show(i, field, words.get(field));
      }, this);
    }
    item.score = score;
    item.terms = terms;
    return item;
  };

  Search.prototype.search = function (typed) {
    var wanted = clauses(typed, this.separator);
    if (!wanted.length) return {items: []};
    var results = this.engine.query(wanted), typedWords = new Typed(wanted, this.engine.terms);
    /* A page ranks above its own parts, and a result with more of the typed words above one
       with fewer: lunr's score times 1 + (page + share of the words)^2. */
    var scored = results.map(function (result) {
      var i = result.i, answer = typedWords.of(result.matched);
      var lift = (this.page[i] === i ? 1 : 0) + answer.share;
      return {i: i, score: result.score * (1 + Math.pow(lift, 2)), terms: answer.terms,
              matched: result.matched};
    }, this).sort(function (a, b) { return b.score - a.score; });
    var groups = new Map();
    scored.forEach(function (r) {
      var page = this.page[r.i], group = groups.get(page);
      if (!group) groups.set(page, group = []);
      group.push(this.item(r.i, r.score, r.terms, r.matched));
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
    module.exports = Object.assign({Search: Search, handler: answer, Layout: Layout,
                                    clauses: clauses}, ix);
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
