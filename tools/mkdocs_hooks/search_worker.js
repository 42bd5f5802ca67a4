/*
 * Project Nexus search worker: Material for MkDocs' own worker, with every query rewritten
 * first so that a pasted error line, a whole traceback or a question finds its page, and
 * Material's results put in the order of a ranking model made for this site.
 *
 * tools/mkdocs_hooks/search.py writes this file into the built site with Material's worker
 * file name filled in, and points the pages' search configuration at it. Material offers
 * no hook for the query (its transform runs inside its worker), so this file listens to the
 * same messages first: the listener below is registered before Material's, so it rewrites
 * the query of each QUERY message in place before Material reads it; and it wraps
 * postMessage, to order the result pages by the model below (see rank()). Material's
 * index still decides which pages match and renders them, highlighting included; only
 * their order, and the order of each page's sections, are this file's. Why each change is
 * needed, and what it gained on the search-quality set, is in
 * docs/reference/how-this-site-is-built.md.
 */
"use strict";
(() => {
  const MATERIAL_WORKER = "__MATERIAL_WORKER__";
  const SETUP = 0, QUERY = 2, RESULT = 3;  /* Material's SearchMessageType */
  const MAX_TERMS = 16;                /* a long paste keeps its first distinctive words */
  const MAX_INPUT = 4000;              /* characters read from one paste */
  const LEAD = 8;                      /* the words of an error line that name the problem */

  /* "module.Name: message": where the answer to a pasted traceback starts. A paste into
     the one-line search box arrives with its line breaks turned into spaces. */
  const EXCEPTION = /(?:^|[\s(])(?:(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning|Exit|Interrupt)|(?:[a-z_]\w*\.)+[A-Z]\w*):/g;
  /* What a pasted error or log line has and a question in words has not: an exception's
     name, a class by its module path ("celery.exceptions.TimeLimitExceeded"), punctuation */
  const ERROR_LIKE = /[A-Z]\w*(?:Error|Exception|Warning)\b|\b[a-z_]\w*\.(?:\w+\.)*[A-Z]\w*|Errno|Traceback|[:'"()\[\]{}<>=]/;
  /* Parts of a log line that differ on every run: timestamps, hex ids and UUIDs */
  const NOISE = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?|\b(?=[0-9a-f-]*\d)(?=[0-9a-f-]*[a-f])[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|\b0x[0-9a-f]+\b/gi;
  const TRACEBACK = "Traceback (most recent call last)";
  /* PostgreSQL's "LINE 1: SELECT ..." after an error: the reader's query, not the problem */
  const SQL_CONTEXT = /\sLINE \d+: .*$/;
  /* Words that describe something broken: such a question wants a challenge entry */
  const PROBLEM = /\b(?:why|not|fix|fails?|failing|failed|broken|errors?|refused|denied|forbidden|unauthorized|invalid|expired|blocked|slow|stuck|hangs?|crash(?:es|ing)?|timeouts?|missing|wrong|stale|duplicated?|cannot|can't|doesn't|won't|too|never|lost|twice|hundreds|thousands|huge|big)\b/i;
  /* Words of a question that say nothing about its subject */
  const FILLER = new Set(["difference", "between", "vs", "versus", "way", "ways", "best",
    "use", "using", "make", "write", "writing", "create", "add", "work", "works", "need",
    "want", "good"]);
  /* Where a passage (a paragraph, list item or code block) of a section's text ends */
  const BLOCK = /<\/?(?:p|li|ul|ol|pre)>/;
  /* Characters lunr reads as query syntax, and quotes, split words like separators do */
  const SYNTAX = /[*~^:'"]+|\+(?!\d)/;  /* "N+1" stays one word */

  let separator = /[\s\-]+/;
  let sorted = [];                     /* every word of the site, lower case, sorted */
  let counts = new Map();              /* word -> how often it occurs */
  let spread = new Map();              /* word -> in how many indexed sections */
  let families = new Map();            /* stem -> words of the site with that stem */
  let errorNames = new Set();          /* exception names the site quotes, lower case */

  /* Material's worker assigns self.lunr while it loads; it is there when messages arrive */
  const lunr = () => self.lunr;
  const trim = word => word.replace(/^\W+/, "").replace(/\W+$/, "");

  /* The words of a title or text as the index has them: markup dropped, split at the
     site's separator, lower case, punctuation trimmed (lunr's trimmer) */
  function words(html) {
    const out = [];
    for (const raw of String(html || "").replace(/<[^>]+>/g, " ").split(separator)) {
      const word = trim(raw.toLowerCase());
      if (word) out.push(word);
    }
    return out;
  }

  function learn(docs) {
    /* Each section's title and passages (paragraphs, list items, code blocks) as words */
    const parsed = docs.map(doc => ({
      title: words(doc.title),
      passages: String(doc.text || "").split(BLOCK).map(words).filter(part => part.length),
    }));
    counts = new Map();
    spread = new Map();
    for (const { title, passages } of parsed) {
      const seen = new Set();
      for (const list of [title, ...passages])
        for (const word of list) {
          counts.set(word, (counts.get(word) || 0) + 1);
          if (!seen.has(word)) seen.add(word), spread.set(word, (spread.get(word) || 0) + 1);
        }
    }
    sorted = [...counts.keys()].sort();
    /* The names the site quotes at the start of an error line ("...ImproperlyConfigured:") */
    errorNames = new Set();
    for (const doc of docs)
      for (const match of String(doc.text || "").replace(/<[^>]+>/g, " ").matchAll(EXCEPTION)) {
        const name = match[0].replace(/^[\s(]/, "").slice(0, -1).split(".").pop();
        if (/^[A-Z][a-z0-9]+[A-Z]/.test(name)) errorNames.add(name.toLowerCase());
      }
    families = new Map();
    stems.clear();
    for (const word of sorted)
      if (/^[a-z]{3,}$/.test(word)) {
        const stem = stemOf(word);
        families.set(stem, [...families.get(stem) || [], word]);
      }
    build(docs, parsed);
  }

  const stems = new Map();
  function stemOf(word) {
    if (!stems.has(word)) stems.set(word, lunr().stemmer(new (lunr().Token)(word)).toString());
    return stems.get(word);
  }

  const stopWords = new Map();
  function isStopWord(word) {
    if (!stopWords.has(word))
      stopWords.set(word, lunr().stopWordFilter(new (lunr().Token)(word)) === undefined);
    return stopWords.get(word);
  }

  /* Where the first word of the sorted list not before this one is (binary search) */
  function lowerBound(word) {
    let low = 0, high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] < word) low = mid + 1; else high = mid;
    }
    return low;
  }

  /* Does some word of the site start with this one? */
  function known(word) {
    const at = lowerBound(word);
    return at < sorted.length && sorted[at].startsWith(word);
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

  /* The most frequent name of the site that ends with this one, for a name the site only
     has inside a longer one ("TimeLimitExceeded" in "SoftTimeLimitExceeded") */
  function longer(word) {
    if (word.length < 8) return null;
    let found = null;
    for (const candidate of sorted)
      if (candidate.endsWith(word) && (!found || counts.get(candidate) > counts.get(found)))
        found = candidate;
    return found;
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
   * Returns the term, the word it stands for, and that word's stem (null if the word is
   * not a plain word).
   */
  function term(word, widen) {
    if (/^\d+$/.test(word)) return word.length > 1 ? { text: word, word, stem: null } : null;
    if (!known(word)) {
      if (!/^[a-z_]{4,}$/.test(word)) return null;
      word = longer(word) || correct(word);
      if (!word) return null;
    }
    const stem = /^[a-z]{3,}$/.test(word) ? stemOf(word) : null;
    if (!widen || !/^[a-z]{4,}$/.test(word)) return { text: word, word, stem };
    const family = families.get(stem);
    if (!family) return { text: word, word, stem };
    const prefix = commonPrefix([word, ...family]);
    return { text: prefix.length >= Math.max(4, stem.length - 1) ? prefix : word, word, stem };
  }

  /* A pasted error, or the name of an exception the site quotes ("ImproperlyConfigured") */
  function isError(input) {
    return ERROR_LIKE.test(input) || words(input).some(word => errorNames.has(word));
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
   * The query handed to Material, and what the ranking needs of it. A pasted error keeps
   * its words exact; a question loses its filler words and has its plain words widened to
   * their family. Material appends "*" to every term. `order` is the query's words in the
   * order typed (repeats included), as indexes into `terms`, for the phrase match; `rare`
   * is the rarest of an error line's first words, the one that names the problem (not a
   * number: a size, a count or a port in a log line is the reader's, not the problem's).
   */
  function rewrite(query) {
    const input = String(query).slice(0, MAX_INPUT);
    const pasted = isError(input);
    const text = pasted ? focus(input) : input;
    const terms = [], order = [];
    for (const part of text.split(separator))
      for (const raw of part.split(SYNTAX)) {
        const word = trim(raw.toLowerCase());
        if (word.length < 2 || isStopWord(word) || (!pasted && FILLER.has(word))) continue;
        const next = term(word, !pasted);
        if (!next) continue;
        next.pasted = pasted;
        let at = terms.findIndex(t => t.text === next.text);
        if (at < 0) {
          if (terms.length >= MAX_TERMS) break;
          at = terms.push(next) - 1;
        }
        order.push(at);
      }
    let rare = null;
    if (pasted)
      rare = terms.slice(0, LEAD).map(t => t.text)
        .filter(t => spread.has(t) && t.length > 2 && !/^\d+$/.test(t))
        .sort((a, b) => spread.get(a) - spread.get(b))[0] || null;
    return { query: terms.map(t => t.text).join(" "), terms, order, rare };
  }

  /* ---------------------------------------------------------------------------------
   * The ranking model
   *
   * lunr, as Material sets it up, scores each section with BM25 but without length
   * normalisation (b = 0), adds up every word a wildcard matches as if it were the word
   * asked for, and knows nothing of word order; Material then multiplies the score of a
   * page's opening text. So a 1,600-word section of Kubernetes YAML that says "worker" and
   * "beat" forty times outranked the short section about Celery beat, and a page that
   * quotes the pasted error line word for word did not outrank one that has the same
   * words scattered. The model below scores the same sections from the same words:
   *
   * 1. Each section by BM25, its text and its heading as two fields, each normalised by
   *    its length against the site's average (a heading word counts as HEADING text
   *    words), plus PASSAGE times the score of its best passage (paragraph, list item or
   *    code block), so that one pitfall in a long list of pitfalls scores as the short
   *    paragraph it is. Each query word is weighed by its rarity over sections (idf), and
   *    each word of the site by how much it is a form of the query word (expand()).
   * 2. Word order (phrase()): each pair of query words that stand next to each other in
   *    the query and in the section (stop words skipped on both sides) adds PHRASE times
   *    their mean idf, and the longest stretch of the query the section has word for word
   *    adds RUN times that. A section quoting an error line has its pairs in one stretch;
   *    one using its words loosely has few pairs, or pairs in pieces.
   * 3. The page: its best section, plus its title and tags as fields of their own,
   *    normalised by length (so "Celery" says more about Celery than "Celery in
   *    production: canvas, pools and monitoring"), up to twice that if its title has
   *    every query word (a search for one word that names a page, "django" or "glossary",
   *    finds that page, though the word is everywhere), times the share of the query's
   *    rarity that the page has anywhere (COVERAGE): a page that has every word beats one
   *    that repeats a few.
   * 4. Intent: an error wants the challenge entry that fixes it, a question the topic
   *    page that explains it; a section's index lists pages and answers nothing (INTENT).
   *
   * The constants are standard BM25 values (K1, B_TEXT) or were chosen on the
   * search-quality set together with queries written to check it, not per query: each
   * one moves few queries, and none is tuned to a page.
   * ------------------------------------------------------------------------------- */
  const K1 = 1.2;                      /* term-frequency saturation */
  const B_TEXT = 0.75;                 /* length normalisation of a section's text */
  const B_TITLE = 0.5;                 /* ... of a heading, a page title, tags */
  const HEADING = 3;                   /* a heading word, in text words */
  const PAGE_TITLE = 3;                /* the page title field, against the best section */
  const TAGS = 0.3;                    /* the tags field, likewise */
  const PASSAGE = 0.5;                 /* the best paragraph, list item or code block */
  const PHRASE = 0.5;                  /* a pair of query words side by side */
  const RUN = 0.5;                     /* the longest stretch of the query, word for word */
  const FORM_ENDING = 5;               /* letters in which a form may differ from the word */
  const OTHER_FORM = 0.3;              /* a wildcard match of another word */
  const QUERY_IN_TITLE = 1;           /* a page whose title has every query word */
  const COVERAGE = 1;                  /* exponent of the share of the query a page has */

  let model = null;

  function build(docs, parsed) {
    const ids = new Map(sorted.map((word, id) => [word, id]));
    const stop = sorted.map(isStopWord);
    const postings = sorted.map(() => []);     /* word id -> [section, text tf, title tf] */
    const sections = [];
    const pages = new Map();
    /* A list of words as the ids of those that are not stop words */
    const content = list => Int32Array.from(
      list.map(word => ids.has(word) ? ids.get(word) : -1).filter(id => id >= 0 && !stop[id]));
    docs.forEach((doc, d) => {
      const [path] = doc.location.split("#");
      const article = !doc.location.includes("#");
      const title = content(parsed[d].title);
      const passages = parsed[d].passages.map(content).filter(part => part.length);
      const text = Int32Array.from([].concat(...passages.map(part => [...part])));
      if (!pages.has(path)) pages.set(path, { sections: [], title: [], tags: [] });
      const page = pages.get(path);
      if (article) {
        page.title = title;
        page.tags = content(words((doc.tags || []).join(" ")).filter(word => ids.has(word)));
      }
      /* A section with no text under the page's own title repeats the page, no more */
      const repeat = !article && !text.length && doc.title === (page.article || {}).title;
      if (article) page.article = doc;
      const section = {
        location: doc.location, page, article, text, passages, length: text.length,
        heading: article || repeat ? [] : title,
      };
      section.index = sections.push(section) - 1;
      if (repeat) return;
      page.sections.push(section);
      const tf = new Map();
      for (const id of section.text) tf.set(id, (tf.get(id) || [0, 0])), tf.get(id)[0]++;
      for (const id of section.heading) tf.set(id, (tf.get(id) || [0, 0])), tf.get(id)[1]++;
      for (const [id, [text, heading]] of tf) postings[id].push([section.index, text, heading]);
    });
    const mean = list => list.reduce((sum, n) => sum + n, 0) / (list.length || 1) || 1;
    const live = sections.filter(s => s.page.sections.includes(s));
    model = {
      ids, postings, sections, pages,
      count: live.length || 1,
      text: mean(live.map(s => s.length)),
      heading: mean(live.filter(s => !s.article).map(s => s.heading.length)),
      passage: mean([].concat(...live.map(s => s.passages.map(p => p.length)))),
      title: mean([...pages.values()].map(p => p.title.length)),
      tags: mean([...pages.values()].map(p => p.tags.length)),
    };
  }

  /*
   * The words of the site a query term matches, with how much each counts. In full: the
   * word itself and its forms, the words with its stem that differ from it only in the
   * last few letters ("queries" for "query", "paginate" for "pagination", but not
   * "author" for "authorization", which the stemmer also cuts to "author"). At OTHER_FORM:
   * every other word the term starts (Material's wildcard: "settings" for "set"), a form of
   * a pasted word that the wildcard does not reach ("shown" for "shows"), and for a long
   * pasted name the names that end with it ("SoftTimeLimitExceeded" for
   * "TimeLimitExceeded"), which lunr cannot match but the page may well be about.
   */
  function expand({ text, word, stem, pasted }) {
    const found = new Map();
    const form = other => other === word || other === text || (stem !== null
      && /^[a-z]+$/.test(other) && stemOf(other) === stem
      && shared(other, word) >= word.length - FORM_ENDING);
    for (let id = lowerBound(text); id < sorted.length && sorted[id].startsWith(text); id++)
      found.set(id, form(sorted[id]) ? 1 : OTHER_FORM);
    for (const other of stem !== null && families.get(stem) || [])
      if (!found.has(model.ids.get(other)) && model.ids.has(other))
        found.set(model.ids.get(other), form(other) && !pasted ? 1 : OTHER_FORM);
    if (pasted && text.length >= 8)
      sorted.forEach((other, id) => {
        if (other.length > text.length && other.endsWith(text) && !found.has(id))
          found.set(id, OTHER_FORM);
      });
    return [...found];
  }

  const shared = (a, b) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i;
  };

  const saturate = tf => tf * (K1 + 1) / (tf + K1);
  const norm = (length, average, b) => 1 - b + b * length / average;

  /* A field's BM25 part: tf[i] how often term i occurs in it, weighed */
  function field(tf, length, average, b, idf) {
    let score = 0;
    const n = norm(length, average, b);
    for (let i = 0; i < idf.length; i++) if (tf[i]) score += idf[i] * saturate(tf[i] / n);
    return score;
  }

  /* How often each term occurs in a list of word ids, weighed by expand()'s factors */
  function frequencies(list, lookup, n, tf = new Float64Array(n)) {
    tf.fill(0);
    for (const id of list) {
      const hits = lookup[id];
      if (hits) for (const [i, w] of hits) tf[i] += w;
    }
    return tf;
  }

  /*
   * Score every page that has a query word: returns page path -> {score, sections}, where
   * sections maps a section's location to its own score.
   */
  function rank({ terms, order }) {
    const n = terms.length;
    const weights = new Map();           /* word id -> [[term, factor], ...] */
    terms.forEach((t, i) => {
      for (const [id, w] of expand(t)) weights.set(id, [...weights.get(id) || [], [i, w]]);
    });
    const lookup = new Array(sorted.length);  /* the same, by id: faster on every word */
    for (const [id, list] of weights) lookup[id] = list;
    /* Per section: weighed tf of each term in text and heading */
    const hits = new Map();              /* section index -> Float64Array(2n) */
    const df = new Float64Array(n);
    for (const [id, list] of weights)
      for (const [section, text, heading] of model.postings[id])
        for (const [i, w] of list) {
          if (!hits.has(section)) hits.set(section, new Float64Array(2 * n));
          const tf = hits.get(section);
          tf[2 * i] += w * text;
          tf[2 * i + 1] += w * heading;
        }
    for (const tf of hits.values())
      for (let i = 0; i < n; i++) if (tf[2 * i] || tf[2 * i + 1]) df[i]++;
    const N = model.count;
    const idf = [...df].map(d => Math.log(1 + (N - d + 0.5) / (d + 0.5)));
    const total = idf.reduce((sum, x) => sum + x, 0) || 1;
    /* Pairs of terms side by side in the query, and where each term stands in it */
    const at = terms.map(() => []);
    order.forEach((i, j) => at[i].push(j));
    const pairs = new Set();
    for (let k = 1; k < order.length; k++)
      if (order[k] !== order[k - 1]) pairs.add(order[k - 1] * n + order[k]);

    const pages = new Map();
    const buffer = new Float64Array(n);
    for (const [index, tf] of hits) {
      const section = model.sections[index];
      const text = new Float64Array(n), heading = new Float64Array(n);
      for (let i = 0; i < n; i++) text[i] = tf[2 * i], heading[i] = HEADING * tf[2 * i + 1];
      let passage = 0;
      for (const part of section.passages)
        passage = Math.max(passage,
          field(frequencies(part, lookup, n, buffer), part.length, model.passage, B_TEXT, idf));
      let score = field(text, section.length, model.text, B_TEXT, idf) + PASSAGE * passage
        + field(heading, section.heading.length, model.heading, B_TITLE, idf);
      let matched = 0;
      for (let i = 0; i < n; i++) if (tf[2 * i] || tf[2 * i + 1]) matched++;
      if (pairs.size && matched > 1)
        score += PHRASE * phrase(section, lookup, pairs, at, n, idf);
      const path = section.location.split("#")[0];
      if (!pages.has(path))
        pages.set(path, { best: 0, found: new Float64Array(n), sections: new Map() });
      const page = pages.get(path);
      page.sections.set(section.location, score);
      page.best = Math.max(page.best, score);
      for (let i = 0; i < n; i++) if (tf[2 * i] || tf[2 * i + 1]) page.found[i] = 1;
    }
    const fields = new Map();
    for (const [path, own] of model.pages)
      fields.set(path, {
        title: frequencies(own.title, lookup, n), tags: frequencies(own.tags, lookup, n),
      });
    /* A page may match by its title alone ("Glossary") */
    for (const [path, { title }] of fields)
      if (!pages.has(path) && title.some(x => x > 0))
        pages.set(path, { best: 0, found: new Float64Array(n), sections: new Map() });
    for (const [path, page] of pages) {
      const own = model.pages.get(path);
      if (own) {
        const { title, tags } = fields.get(path);
        for (let i = 0; i < n; i++) if (title[i] || tags[i]) page.found[i] = 1;
        page.best += PAGE_TITLE * field(title, own.title.length, model.title, B_TITLE, idf)
          + TAGS * field(tags, own.tags.length, model.tags, B_TITLE, idf);
        /* The query names the page: every query word is in its title ("glossary"), the
           more so the less else the title has ("Django" more than "Docker for Django") */
        if (own.title.length && [...title].every(x => x > 0))
          page.best *= 1 + QUERY_IN_TITLE * Math.min(1, n / own.title.length);
      }
      let share = 0;
      for (let i = 0; i < n; i++) share += page.found[i] * idf[i];
      page.score = page.best * (share / total) ** COVERAGE;
    }
    return pages;
  }

  /*
   * Word order: the idf-weighed pairs of query words that stand side by side in the
   * section (each pair once), and RUN times the idf of the longest stretch of the query
   * the section has word for word, so that the section quoting a whole error line beats
   * one that has most of its pairs in pieces. `at[i]`: where term i stands in the query.
   */
  function phrase(section, lookup, pairs, at, n, idf) {
    let score = 0, longest = 0;
    const seen = new Set();
    for (const list of [section.heading, section.text]) {
      let run = new Map();             /* query position -> idf of the stretch ending there */
      for (let p = 0; p < list.length; p++) {
        const here = lookup[list[p]];
        if (!here) { if (run.size) run = new Map(); continue; }
        const next = new Map();
        for (const [i] of here)
          for (const j of at[i]) {
            const before = run.get(j - 1) || 0;
            next.set(j, before + idf[i]);
            if (before) longest = Math.max(longest, before + idf[i]);
          }
        const left = p > 0 && lookup[list[p - 1]];
        if (left)
          for (const [i] of left)
            for (const [j] of here) {
              const pair = i * n + j;
              if (pairs.has(pair) && !seen.has(pair)) {
                seen.add(pair);
                score += (idf[i] + idf[j]) / 2;
              }
            }
        run = next;
      }
    }
    return score + RUN * longest;
  }

  /*
   * What the reader asked for decides which part of the site answers first: a pasted error
   * wants the challenge entry that fixes it, a question the topic page that explains it.
   * lunr has one static weight per page, so the weight for the query's intent is applied
   * here. A section's index or the tags page ("challenges/", "tags/"; in the offline copy
   * "challenges/index.html", "tags.html") lists pages and is the answer to none.
   */
  const INDEX = /^(?:[^/#]+\/(?:index\.html)?|(?!index\.html)[^/#]+\.html)(?:#|$)/;
  const FOR_ERROR = 1.25;              /* a challenge entry, for a pasted error */
  const FOR_PROBLEM = 1.5;             /* a challenge entry, for a question about a problem */
  const FOR_QUESTION = 1.25;           /* a topic page, for any other question */
  const FOR_INDEX = 0.5;               /* a section's index, for anything */
  const INTENT = {
    error: [[INDEX, FOR_INDEX], [/^challenges\/./, FOR_ERROR]],
    problem: [[INDEX, FOR_INDEX], [/^challenges\/./, FOR_PROBLEM]],
    question: [[INDEX, FOR_INDEX], [/^(technologies|concepts)\/./, FOR_QUESTION]],
  };
  const intents = [];                  /* one rewritten query per query sent, in order */

  /* A pasted error favours an entry only if the entry has the error's rarest word */
  function weight(path, page, { kind, terms, rare }) {
    const at = terms.findIndex(t => t.text === rare);
    if (kind === "error" && at >= 0 && !(page && page.found[at]))
      return INDEX.test(path) ? FOR_INDEX : 1;
    for (const [pattern, factor] of INTENT[kind]) if (pattern.test(path)) return factor;
    return 1;
  }

  function rerank(message) {
    const intent = intents.shift();
    const items = message.data && message.data.items;
    if (!intent || !Array.isArray(items) || !model) return message;
    const pages = rank(intent);
    const scored = items.map((group, order) => {
      const article = group.find(item => !item.location.includes("#")) || group[0];
      const path = article.location.split("#")[0];
      const page = pages.get(path);
      /* Each section shows with its own score, the best first (Material shows the
         sections that score as high as the first one, and folds the rest) */
      if (page) {
        for (const item of group) item.score = page.sections.get(item.location) || 0;
        group.sort((a, b) => b.score - a.score);
      }
      return { group, order, score: (page ? page.score : 0) * weight(path, page, intent) };
    });
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
    } else if (message.type === QUERY) {
      if (typeof message.data !== "string") return void intents.push(null);
      const rewritten = rewrite(message.data);
      rewritten.kind = isError(message.data) ? "error"
        : PROBLEM.test(message.data) ? "problem" : "question";
      intents.push(rewritten);
      message.data = rewritten.query;
    }
  });

  /* Inside iframe-worker (file://) relative addresses resolve against the page, so take
     this script's own address, as Material's worker does for its language files. */
  const here = typeof parent !== "undefined" && "IFrameWorker" in parent
    ? document.querySelector("script[src]").src
    : self.location.href;
  importScripts(new URL(MATERIAL_WORKER, here).href);
})();
