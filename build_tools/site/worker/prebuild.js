/* Build time: a search_index.json ({config, docs}) on stdin; its lunr index, packed, on stdout. */
"use strict";
const { pack } = require("./index.js");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const { config, docs } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  process.stdout.write(JSON.stringify(pack(config, docs)));
});
