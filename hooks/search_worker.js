// Additions to Material's search worker, put before its code by
// material_html.patch_search_worker, which also makes the worker call them.
// They run in the worker's global scope and use the lunr that Material's code
// sets as self.lunr when the worker loads. No syntax newer than Material's
// own build uses (no ?? or ?.), for the browsers it supports.
"use strict"
var methodrefSearch = (() => {
  // A term of this many letters or more forgives one typo; a shorter one has
  // too many neighbours one edit away (HEAF would find HEAD and LEAF).
  const TYPO_MIN_LETTERS = 5
  // One CJK character weighs as much as a syllable or a word: one edit there
  // is another word, not a typo.
  const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u
  const LETTERS = /^[\p{L}\p{M}]+$/u
  const vocabularies = new WeakMap()

  // The words of a search's pages as written (lunr's index holds stems), in
  // a lunr.TokenSet, built when first needed.
  function vocabulary(search) {
    let words = vocabularies.get(search)
    if (!words) {
      const found = new Set()
      for (const doc of search.map.values())
        for (const field of search.index.fields) {
          const text = String(doc[field] == null ? "" : doc[field]).replace(/<[^>]*>/g, " ").toLowerCase()
          for (const word of text.match(/[\p{L}\p{M}\p{N}]+/gu) || []) found.add(word)
        }
      words = lunr.TokenSet.fromArray([...found].sort())
      vocabularies.set(search, words)
    }
    return words
  }

  // Whether `term` finds anything as Material searches it: stemmed, or as the
  // start of an indexed word. A stop word counts as found: nothing to correct.
  function finds(search, term) {
    const index = search.index
    const stems = index.pipeline.runString(term)
    if (!stems.length || stems.some(stem => stem in index.invertedIndex)) return true
    return index.tokenSet.intersect(lunr.TokenSet.fromString(`${term}*`)).toArray().length > 0
  }

  // The lunr query with one typo forgiven: a term of five letters or more
  // that finds nothing is searched as the words of the pages one edit away
  // from it (lunr's edit distance 1, a transposition counting as one), if
  // there are any, each as Material searches a typed word. Matched against the index, as lunr's `term~1` is, the
  // typo would meet stems: "idempotnt" is two edits from "idempot", one from
  // "idempotent". A term that finds something is left alone, so exact
  // matches keep their ranking and their neighbours (patch: match) stay out.
  // The typo and its prefix twin (`term*`), which find nothing, go: results
  // then name no missing term that a correction found.
  function forgiveTypos(query, search) {
    const terms = query.split(" ")
    const corrections = new Map()
    for (const term of terms) {
      const word = term.toLowerCase()
      if (!LETTERS.test(word) || CJK.test(word) || [...word].length < TYPO_MIN_LETTERS || finds(search, word)) continue
      const near = vocabulary(search).intersect(lunr.TokenSet.fromFuzzyString(word, 1)).toArray()
      // Each as if typed: as a word and as the start of one.
      if (near.length) corrections.set(term, near.flatMap(correct => [correct, `${correct}*`]))
    }
    return terms
      .flatMap(term => corrections.get(term) || (corrections.has(term.replace(/\*$/, "")) ? [] : [term]))
      .join(" ")
  }

  // The words that matched, for Material's check of which query terms a
  // result holds (it tests whether a matched word starts with the term): the
  // index holds stems, so add each term whose stem matched. Else every
  // result said "Missing: idempotent" under the word it found.
  function matchedWords(words, clauses, search) {
    const found = new Set(words)
    const stemmed = clauses
      .map(clause => clause.term)
      .filter(term => search.index.pipeline.runString(term).some(stem => found.has(stem)))
    return [...words, ...stemmed]
  }

  // The query with its Japanese words cut as the index cut the pages' text:
  // with the segmenter Material loads for Japanese (TinySegmenter), each
  // space-separated part that holds Japanese as a whole. Material cuts only
  // runs of Han characters, by the words of the index, so a word of kana and
  // Han (べき等) stayed one term that no indexed word starts with. A part cut
  // into pieces is one word or phrase to the reader: every piece is required,
  // the last one as a prefix, as it may still be typed on. Stop words are
  // left out: lunr drops them, and a required clause without a term fails
  // the query. Undefined where no segmenter is loaded (every language but
  // Japanese): Material's own cut applies.
  function segmentJapanese(query, search) {
    if (typeof lunr.segmenter === "undefined") return undefined
    return query
      .split(/(\s+)/)
      .map(part => {
        if (!/^[MHIK]$/.test(lunr.segmenter.ctype_(part))) return part
        const pieces = lunr.segmenter.segment(part)
        if (/[-+:~^*"]/.test(part)) return pieces.join(" ") // the reader's own operators
        const words = pieces.filter(piece => search.index.pipeline.runString(piece.toLowerCase()).length)
        if (words.length < 2) return pieces.join(" ")
        return words.map((word, n) => (n < words.length - 1 ? `+${word}` : `+${word}*`)).join(" ")
      })
      .join("")
  }

  // One <mark> for a word the index holds in pieces (Chinese segmented by
  // zero-width spaces, Japanese cut by the segmenter): adjacent marks join.
  function joinMarks(html) {
    return html.replace(/<\/mark>(\u200b*)<mark>/g, "$1")
  }

  return { forgiveTypos, matchedWords, segmentJapanese, joinMarks }
})()
