/*
 * Project Nexus search worker: Material for MkDocs' own worker, with every query rewritten
 * first so that a pasted error line, a whole traceback or a question finds its page.
 *
 * tools/mkdocs_hooks/search.py writes this file into the built site with Material's worker
 * file name filled in, and points the pages' search configuration at it. Material offers
 * no hook for the query (its transform runs inside its worker), so this file listens to the
 * same messages first: the listener below is registered before Material's, so it rewrites
 * the query of each QUERY message in place before Material reads it; and it wraps
 * postMessage, to weigh each result page for the query's intent (see WEIGHTS). The index
 * and the scores stay Material's. Why each change is needed, and what it gained on the
 * search-quality set, is in docs/reference/how-this-site-is-built.md.
 */
"use strict";
(() => {
  const MATERIAL_WORKER = "__MATERIAL_WORKER__";
  const SETUP = 0, QUERY = 2, RESULT = 3;  /* Material's SearchMessageType */
  const MAX_TERMS = 16;                /* a long paste keeps its first distinctive words */
  const MAX_INPUT = 4000;
  const LEAD = 8;                      /* the words of an error line that name the problem */              /* characters read from one paste */

  /* "module.Name: message": where the answer to a pasted traceback starts. A paste into
     the one-line search box arrives with its line breaks turned into spaces. */
  const EXCEPTION = /(?:^|[\s(])(?:(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt)|(?:[a-z_]\w*\.)+[A-Z]\w*):/g;
  /* What a pasted error or log line has and a question in words has not */
  const ERROR_LIKE = /[A-Z]\w*(?:Error|Exception|Warning)\b|Errno|Traceback|[:'"()\[\]{}<>=]/;
  /* Parts of a log line that differ on every run: timestamps, hex ids and UUIDs */
  const NOISE = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?|\b(?=[0-9a-f-]*\d)(?=[0-9a-f-]*[a-f])[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|\b0x[0-9a-f]+\b/gi;
  const TRACEBACK = "Traceback (most recent call last)";
  /* PostgreSQL's "LINE 1: SELECT ..." after an error: the reader's query, not the problem */
  const SQL_CONTEXT = /\sLINE \d+: .*$/;
  /* Words that describe something broken: such a question wants a challenge entry */
  const PROBLEM = /\b(?:why|not|fix|fails?|failing|failed|broken|errors?|refused|denied|forbidden|unauthorized|invalid|expired|blocked|slow|stuck|hangs?|crash(?:es|ing)?|timeouts?|missing|wrong|stale|duplicated?|cannot|can't|doesn't|won't|too|never|lost|twice|hundreds|thousands|huge|big)\b/i;
  /* Words of a question that say nothing about its subject */
  const FILLER = new Set(["difference", "between", "way", "ways", "best", "use", "using",
    "make", "write", "writing", "create", "add", "work", "works", "need", "want", "good"]);
  /* Characters lunr reads as query syntax, and quotes, split words like separators do */
  const SYNTAX = /[*~^:'"]+|\+(?!\d)/;  /* "N+1" stays one word */

  let separator = /[\s\-]+/;
  let sorted = [];                     /* every word of the site, lower case, sorted */
  let counts = new Map();              /* word -> how often it occurs */
  let spread = new Map();              /* word -> in how many indexed sections */
  let families = new Map();            /* stem -> words of the site with that stem */

  /* Material's worker assigns self.lunr while it loads; it is there when messages arrive */
  const lunr = () => self.lunr;
  const trim = word => word.replace(/^\W+/, "").replace(/\W+$/, "");

  function learn(docs) {
    counts = new Map();
    spread = new Map();
    for (const doc of docs) {
      const text = `${doc.title || ""} ${doc.text || ""}`.replace(/<[^>]+>/g, " ");
      const seen = new Set();
      for (const raw of text.split(separator)) {
        const word = trim(raw.toLowerCase());
        if (!word) continue;
        counts.set(word, (counts.get(word) || 0) + 1);
        if (!seen.has(word)) seen.add(word), spread.set(word, (spread.get(word) || 0) + 1);
      }
    }
    sorted = [...counts.keys()].sort();
    sections = docs.length || 1;
    rarity.clear();
    families = new Map();
    for (const word of sorted)
      if (/^[a-z]{3,}$/.test(word)) {
        const stem = stemOf(word);
        families.set(stem, [...families.get(stem) || [], word]);
      }
  }

  function stemOf(word) {
    return lunr().stemmer(new (lunr().Token)(word)).toString();
  }

  function isStopWord(word) {
    return lunr().stopWordFilter(new (lunr().Token)(word)) === undefined;
  }

  /* Does some word of the site start with this one? (binary search in the sorted list) */
  function known(word) {
    let low = 0, high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] < word) low = mid + 1; else high = mid;
    }
    return low < sorted.length && sorted[low].startsWith(word);
  }

  /* Optimal string alignment distance, stopping early once it exceeds the limit */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let prev2 = null, prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, prev2[j - 2] + 1);
        row.push(value);
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  /* The most frequent word of the site within one typo (two for long words) */
  function correct(word) {
    const limit = word.length >= 8 ? 2 : 1;
    let found = null, foundDistance = limit + 1, foundCount = 0;
    for (const candidate of sorted) {
      if (candidate.length < 4 || !/^[a-z_]+$/.test(candidate)) continue;
      const d = distance(word, candidate, limit);
      const count = counts.get(candidate);
      if (d < foundDistance || (d === foundDistance && d <= limit && count > foundCount))
        [found, foundDistance, foundCount] = [candidate, d, count];
    }
    return foundDistance <= limit ? found : null;
  }

  function commonPrefix(words) {
    let prefix = words[0];
    for (const word of words)
      while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
    return prefix;
  }

  /*
   * One word of the query as the term handed to Material, which appends "*": the word
   * itself, or for a plain English word the prefix its family shares ("paginate" ->
   * "pagina", so pagination, paginate and paginated all match). Identifiers, exception
   * names and numbers stay whole. Misspelt words are corrected; unknown ones dropped.
   */
  function term(word, widen) {
    if (/^\d+$/.test(word)) return word.length > 1 ? word : null;
    if (!known(word)) {
      if (!/^[a-z_]{4,}$/.test(word)) return null;
      word = correct(word);
      if (!word) return null;
    }
    if (!widen || !/^[a-z]{4,}$/.test(word)) return word;
    const stem = stemOf(word);
    const family = families.get(stem);
    if (!family) return word;
    const prefix = commonPrefix([word, ...family]);
    return prefix.length >= Math.max(4, stem.length - 1) ? prefix : word;
  }

  /*
   * From a paste with a Python traceback, what a page would quote: the log line before the
   * traceback, if any, and the last exception line, where the answer is. The frames in
   * between ("File ..., line 22, in main") name the reader's code, not the problem.
   */
  function focus(text) {
    text = text.replace(NOISE, " ").replace(SQL_CONTEXT, "");
    const cut = text.indexOf(TRACEBACK);
    const before = cut > 0 ? text.slice(0, cut) : "";
    let start = -1;
    for (const match of text.matchAll(EXCEPTION)) start = match.index;
    return start < 0 ? text : `${before} ${text.slice(Math.max(start, cut))}`;
  }

  /*
   * The query handed to Material. A pasted error keeps its words exact, and the rarest of
   * its first words counts five times ("word*^5"): lunr adds up every matching word, so a
   * long page full of "error" and "django" would otherwise outrank the page that quotes
   * the error. A question loses its filler words and has its plain words widened to their
   * family. Material appends "*" to every other term.
   */
  function rewrite(query) {
    const input = String(query).slice(0, MAX_INPUT);
    const pasted = ERROR_LIKE.test(input);
    const text = pasted ? focus(input) : input;
    const limit = input.includes(TRACEBACK) ? LEAD + 2 : MAX_TERMS;
    const terms = [];
    for (const part of text.split(separator))
      for (const raw of part.split(SYNTAX)) {
        const word = trim(raw.toLowerCase());
        if (terms.length >= limit) break;
        if (word.length < 2 || isStopWord(word) || (!pasted && FILLER.has(word))) continue;
        const next = term(word, !pasted);
        if (next && !terms.includes(next)) terms.push(next);
      }
    if (pasted && terms.length > 1) {
      const rarest = terms.slice(0, LEAD)
        .filter(t => spread.has(t) && t.length > 2)
        .sort((a, b) => spread.get(a) - spread.get(b))[0];
      if (rarest) {
        terms[terms.indexOf(rarest)] = `${rarest}*^5`;
        return { query: terms.join(" "), rare: rarest };
      }
    }
    return { query: terms.join(" "), rare: null };
  }

  /*
   * What the reader asked for decides which part of the site answers first: a pasted error
   * wants the challenge entry that fixes it, a question the topic page that explains it.
   * lunr has one static weight per page, so the weight for the query's intent is applied
   * here, to Material's results, before they reach the page: each page's best score is
   * multiplied and the pages are sorted again. Everything else is Material's ranking.
   */
  const INDEX = /^[^/#]+\/(?:#|$)/;     /* a section's index: a list of pages, not an answer */
  const WEIGHTS = {
    error: [[INDEX, 0.5], [/^challenges\/./, 2]],
    problem: [[INDEX, 0.5], [/^challenges\/./, 1.5]],
    question: [[INDEX, 0.5], [/^(technologies|concepts)\/./, 1.5]],
  };
  const intents = [];                  /* one {kind, rare} per query sent, in order */

  /* A pasted error favours an entry only if the entry has the error's rarest word */
  function weight(group, { kind, rare }) {
    const location = group[0].location;
    if (kind === "error" && rare && !group.some(item => item.terms && item.terms[rare]))
      return 1;
    for (const [pattern, factor] of WEIGHTS[kind]) if (pattern.test(location)) return factor;
    return 1;
  }

  /* How rare a query word is on the site: log(sections / sections having it) */
  let sections = 1;
  const rarity = new Map();
  function idf(term) {
    if (!rarity.has(term)) {
      let df = spread.get(term) || 0;
      if (!df) {                       /* a prefix: add up the words it starts */
        let low = 0, high = sorted.length;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (sorted[mid] < term) low = mid + 1; else high = mid;
        }
        for (let i = low; i < sorted.length && sorted[i].startsWith(term); i++)
          df += spread.get(sorted[i]) || 0;
      }
      rarity.set(term, Math.log(1 + sections / (1 + Math.min(df, sections))));
    }
    return rarity.get(term);
  }

  /*
   * How much of the query a page has, each word weighed by its rarity: the square of the
   * share found in any of its sections, times the square root of the best share in one
   * section. lunr adds up every word a section matches, and a wildcard matches many forms
   * of a common word, so a page full of "event", "events" and "eventual" could outscore the
   * page that explains "event loop" in one section; and a page missing only "django" should
   * not lose to one missing "jenkinsfile".
   */
  function coverage(group) {
    const found = new Map();
    let section = 0;
    const share = hits => {
      let got = 0, all = 0;
      for (const [word, hit] of hits) { all += idf(word); if (hit) got += idf(word); }
      return all ? got / all : 0;
    };
    for (const item of group) {
      const hits = Object.entries(item.terms || {});
      for (const [word, hit] of hits) found.set(word, found.get(word) || hit);
      if (hits.length) section = Math.max(section, share(hits));
    }
    if (!found.size) return 1;
    return share([...found.entries()]) ** 2 * Math.sqrt(section);
  }

  function rerank(message) {
    const intent = intents.shift();
    const items = message.data && message.data.items;
    if (!intent || !Array.isArray(items)) return message;
    const scored = items.map((group, order) => ({
      group,
      order,
      score: Math.max(...group.map(item => item.score)) * weight(group, intent)
        * coverage(group),
    }));
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    message.data.items = scored.map(entry => entry.group);
    return message;
  }

  const post = self.postMessage.bind(self);
  self.postMessage = message => post(message && message.type === RESULT ? rerank(message) : message);

  addEventListener("message", event => {
    const message = event.data;
    if (!message) return;
    if (message.type === SETUP) {
      separator = new RegExp(message.data.config.separator);
      learn(message.data.docs);
    } else if (message.type === QUERY && typeof message.data === "string") {
      const { query, rare } = rewrite(message.data);
      const kind = ERROR_LIKE.test(message.data) ? "error"
        : PROBLEM.test(message.data) ? "problem" : "question";
      intents.push({ kind, rare });
      message.data = query;
    }
  });

  /* Inside iframe-worker (file://) relative addresses resolve against the page, so take
     this script's own address, as Material's worker does for its language files. */
  const here = typeof parent !== "undefined" && "IFrameWorker" in parent
    ? document.querySelector("script[src]").src
    : self.location.href;
  importScripts(new URL(MATERIAL_WORKER, here).href);
})();
