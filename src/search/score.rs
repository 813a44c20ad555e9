//! Runs a query's clauses: BM25 over the term clauses, computed term by term into one array of scores
//! per segment, plus the fuzzy and prefix clauses through tantivy's own weights; then the filters and the
//! top documents.
//!
//! Why not tantivy's `BooleanQuery` of `TermQuery`s, which computes the same sum: a query here has a few
//! hundred term clauses (each syllable, pair and expansion against twelve fields) over a catalogue of a few
//! thousand documents, and tantivy pays for each clause a weight with its own 256-entry table of length
//! norms, a second dictionary lookup, a field-norm reader and a boxed scorer before the union walks the
//! postings. Profiled, that set-up took most of tantivy's share of a search; walking the postings took
//! little. Here each term is looked up once (its document frequency and its postings come from the same
//! entry), the norm table is built once per field, and each posting adds its score into the array.
//! tantivy keeps its `TermScorer` private, so no public API does this.
//!
//! The scores are tantivy's BM25: the same formula, constants and operation order (`bm25_matches_tantivy`
//! checks it), summed in clause order as tantivy's union sums them; the top documents are picked with
//! tantivy's rule for ties (the lower document first). Filters only restrict: unlike a `BooleanQuery` with
//! required filter clauses, they add nothing to the scores, so a filtered search ranks its guides exactly
//! as the unfiltered one does.

use std::rc::Rc;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;
use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::query::{EnableScoring, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    DocAddress, DocId, DocSet, InvertedIndexReader, Score, Searcher, SegmentReader, TERMINATED,
    Term,
};

/// BM25's term-frequency saturation, as tantivy sets it.
const K1: Score = 1.2;
/// BM25's length normalisation, as tantivy sets it.
const B: Score = 0.75;

/// What a query scores with: term clauses (each term once, with its summed boost) and other clauses.
#[derive(Default)]
pub(super) struct Scoring {
    pub(super) terms: Vec<(Term, Score)>,
    pub(super) other: Vec<Box<dyn Query>>,
}

impl Scoring {
    pub(super) fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.other.is_empty()
    }
}

/// The documents that match `scoring` and every one of `filters`: how many there are, and the best
/// `limit` of them, best first.
pub(super) fn top(
    searcher: &Searcher,
    scoring: &Scoring,
    filters: &[Term],
    limit: usize,
) -> tantivy::Result<(usize, Vec<(Score, DocAddress)>)> {
    let segments = searcher.segment_readers();
    let weights = term_weights(segments, &scoring.terms)?;
    let other = (scoring.other.iter())
        .map(|q| q.weight(EnableScoring::enabled_from_searcher(searcher)))
        .collect::<tantivy::Result<Vec<_>>>()?;

    let mut total = 0;
    let mut candidates: Vec<(Score, DocAddress)> = Vec::new();
    for (ord, segment) in segments.iter().enumerate() {
        let max_doc = segment.max_doc() as usize;
        let allowed = allowed(segment, filters)?;
        let mut scores = vec![0.0 as Score; max_doc];
        let mut matched = vec![false; max_doc];
        let mut norms: HashMap<Field, FieldNormReader> = HashMap::default();
        for w in &weights {
            let Some((inverted, info)) = &w.infos[ord] else {
                continue;
            };
            let field = w.term.field();
            let norm = match norms.get(&field) {
                Some(n) => n.clone(),
                None => {
                    let n = (segment.fieldnorms_readers().get_field(field)?)
                        .unwrap_or_else(|| FieldNormReader::constant(segment.max_doc(), 1));
                    norms.insert(field, n.clone());
                    n
                }
            };
            let mut postings =
                inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                let tf = postings.term_freq() as Score;
                let d = doc as usize;
                scores[d] += w.weight * (tf / (tf + w.table[norm.fieldnorm_id(doc) as usize]));
                matched[d] = true;
                doc = postings.advance();
            }
        }
        for weight in &other {
            weight.for_each(segment, &mut |doc: DocId, score: Score| {
                scores[doc as usize] += score;
                matched[doc as usize] = true;
            })?;
        }
        let alive = segment.alive_bitset();
        for (doc, score) in scores.into_iter().enumerate() {
            let id = doc as DocId;
            if matched[doc]
                && allowed.as_ref().is_none_or(|a| a[doc])
                && alive.is_none_or(|a| a.is_alive(id))
            {
                total += 1;
                candidates.push((score, DocAddress::new(ord as u32, id)));
            }
        }
    }
    // tantivy's order: the higher score first, then the lower document.
    let order =
        |a: &(Score, DocAddress), b: &(Score, DocAddress)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if candidates.len() > limit {
        if limit == 0 {
            candidates.clear();
        } else {
            candidates.select_nth_unstable_by(limit - 1, order);
            candidates.truncate(limit);
        }
    }
    candidates.sort_unstable_by(order);
    Ok((total, candidates))
}

/// One term clause, ready to score.
struct TermWeight<'a> {
    term: &'a Term,
    /// Its dictionary entry in each segment, with that segment's index of the term's field (the
    /// postings are read from the same reader the entry was looked up in).
    infos: Vec<Option<(Arc<InvertedIndexReader>, TermInfo)>>,
    /// idf × (1 + k1) × boost.
    weight: Score,
    /// The field's length-norm table.
    table: Rc<[Score; 256]>,
}

/// The term clauses that some document holds, with their BM25 weights.
fn term_weights<'a>(
    segments: &[SegmentReader],
    terms: &'a [(Term, Score)],
) -> tantivy::Result<Vec<TermWeight<'a>>> {
    let total_docs: u64 = segments.iter().map(|s| u64::from(s.max_doc())).sum();
    let mut tables: HashMap<Field, Rc<[Score; 256]>> = HashMap::default();
    let mut out = Vec::with_capacity(terms.len());
    for (term, boost) in terms {
        let mut infos = Vec::with_capacity(segments.len());
        let mut doc_freq = 0u64;
        for segment in segments {
            let inverted = segment.inverted_index(term.field())?;
            let info = inverted.get_term_info(term)?;
            doc_freq += info.as_ref().map_or(0, |i| u64::from(i.doc_freq));
            infos.push(info.map(|i| (inverted, i)));
        }
        // A term no document holds scores nothing.
        if doc_freq == 0 {
            continue;
        }
        let field = term.field();
        let table = match tables.get(&field) {
            Some(t) => t.clone(),
            None => {
                let mut tokens = 0u64;
                for segment in segments {
                    tokens += segment.inverted_index(field)?.total_num_tokens();
                }
                let t = Rc::new(norm_table(tokens as Score / total_docs as Score));
                tables.insert(field, t.clone());
                t
            }
        };
        out.push(TermWeight {
            term,
            infos,
            weight: idf(doc_freq, total_docs) * (1.0 + K1) * boost,
            table,
        });
    }
    Ok(out)
}

/// Which documents of a segment pass every filter: `None` when there is no filter, else one flag per
/// document.
fn allowed(segment: &SegmentReader, filters: &[Term]) -> tantivy::Result<Option<Vec<bool>>> {
    if filters.is_empty() {
        return Ok(None);
    }
    let max_doc = segment.max_doc() as usize;
    let mut allowed = vec![true; max_doc];
    for term in filters {
        let mut here = vec![false; max_doc];
        let inverted = segment.inverted_index(term.field())?;
        if let Some(info) = inverted.get_term_info(term)? {
            let mut postings =
                inverted.read_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                here[doc as usize] = true;
                doc = postings.advance();
            }
        }
        for (a, h) in allowed.iter_mut().zip(here) {
            *a &= h;
        }
    }
    Ok(Some(allowed))
}

/// BM25's inverse document frequency, as tantivy computes it.
fn idf(doc_freq: u64, doc_count: u64) -> Score {
    let x = (doc_count.saturating_sub(doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// BM25's length term `k1 × (1 − b + b × length / average)` for each of tantivy's 256 length codes.
fn norm_table(average: Score) -> [Score; 256] {
    let mut table = [0.0; 256];
    for (id, slot) in table.iter_mut().enumerate() {
        let length = FieldNormReader::id_to_fieldnorm(id as u8);
        *slot = K1 * (1.0 - B + B * length as Score / average);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, TermQuery};
    use tantivy::schema::{STRING, Schema, TEXT};
    use tantivy::{Index, IndexWriter, doc};

    /// A small index of pseudo-random documents of varying lengths over a small vocabulary (so that terms
    /// repeat, lengths differ and scores tie), in `segments` segments.
    fn index(segments: usize) -> tantivy::Result<(Index, Field, Field, Field)> {
        let mut schema = Schema::builder();
        let title = schema.add_text_field("title", TEXT);
        let body = schema.add_text_field("body", TEXT);
        let level = schema.add_text_field("level", STRING);
        let index = Index::create_in_ram(schema.build());
        let words = [
            "dang", "ky", "khai", "sinh", "tu", "ket", "hon", "cap", "lai", "ban", "sao", "giay",
        ];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
        for s in 0..segments {
            for _ in 0..150 {
                let mut text = |extra: usize| {
                    let len = next(extra) + extra / 6 + 1;
                    (0..len)
                        .map(|_| words[next(words.len())])
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                let (t, b) = (text(6), text(40));
                let l = ["xa", "tinh"][next(2)];
                writer.add_document(doc!(title => t, body => b, level => l))?;
            }
            if s + 1 < segments {
                writer.commit()?;
            }
        }
        writer.commit()?;
        Ok((index, title, body, level))
    }

    fn scoring(title: Field, body: Field) -> Scoring {
        let mut terms = Vec::new();
        for (i, w) in ["khai", "sinh", "ket", "absent", "sao"].iter().enumerate() {
            terms.push((Term::from_field_text(title, w), 1.5 + i as f32));
            terms.push((Term::from_field_text(body, w), 0.4 * (i + 1) as f32));
        }
        let fuzzy = FuzzyTermQuery::new(Term::from_field_text(title, "giat"), 1, true);
        Scoring {
            terms,
            other: vec![Box::new(BoostQuery::new(Box::new(fuzzy), 0.7))],
        }
    }

    /// The same clauses as one tantivy `BooleanQuery`, with the filters as required clauses.
    fn tantivy_query(scoring: &Scoring, filters: &[Term]) -> Box<dyn Query> {
        let should: Vec<(Occur, Box<dyn Query>)> = (scoring.terms.iter())
            .map(|(t, b)| -> Box<dyn Query> {
                let q = TermQuery::new(t.clone(), IndexRecordOption::WithFreqs);
                Box::new(BoostQuery::new(Box::new(q), *b))
            })
            .chain(scoring.other.iter().map(|q| q.box_clone()))
            .map(|q| (Occur::Should, q))
            .collect();
        let mut must: Vec<(Occur, Box<dyn Query>)> = (filters.iter())
            .map(|t| -> (Occur, Box<dyn Query>) {
                let q = TermQuery::new(t.clone(), IndexRecordOption::Basic);
                (Occur::Must, Box::new(q))
            })
            .collect();
        let scoring: Box<dyn Query> = Box::new(BooleanQuery::new(should));
        if must.is_empty() {
            return scoring;
        }
        must.push((Occur::Must, scoring));
        Box::new(BooleanQuery::new(must))
    }

    #[test]
    fn bm25_matches_tantivy() -> tantivy::Result<()> {
        for segments in [1, 3] {
            let (index, title, body, _) = index(segments)?;
            let searcher = index.reader()?.searcher();
            assert_eq!(searcher.segment_readers().len(), segments);
            let scoring = scoring(title, body);
            for limit in [1, 10, 60, 1000] {
                let ours = top(&searcher, &scoring, &[], limit)?;
                let (theirs, total) = searcher.search(
                    &*tantivy_query(&scoring, &[]),
                    &(TopDocs::with_limit(limit).order_by_score(), Count),
                )?;
                assert_eq!(ours.0, total);
                assert!(total > 100, "the query matches most documents: {total}");
                // The same documents, in the same order, with the same scores to the last bit.
                assert_eq!(ours.1, theirs, "{segments} segments, limit {limit}");
            }
        }
        Ok(())
    }

    #[test]
    fn filters_restrict_without_scoring() -> tantivy::Result<()> {
        let (index, title, body, level) = index(2)?;
        let searcher = index.reader()?.searcher();
        let scoring = scoring(title, body);
        let filter = [Term::from_field_text(level, "xa")];
        let (total, filtered) = top(&searcher, &scoring, &filter, 1000)?;
        let (_, all) = top(&searcher, &scoring, &[], 1000)?;
        // The unfiltered ranking, restricted to the documents the filter keeps, scores unchanged.
        let xa: Vec<DocAddress> = searcher
            .search(
                &TermQuery::new(filter[0].clone(), IndexRecordOption::Basic),
                &tantivy::collector::DocSetCollector,
            )?
            .into_iter()
            .collect();
        let expected: Vec<(Score, DocAddress)> =
            all.into_iter().filter(|(_, d)| xa.contains(d)).collect();
        assert_eq!(filtered, expected);
        assert_eq!(total, expected.len());
        // tantivy finds the same documents with the filter as a required clause.
        let count = searcher.search(&*tantivy_query(&scoring, &filter), &Count)?;
        assert_eq!(total, count);
        // A filter value no document has leaves nothing.
        let none = [Term::from_field_text(level, "trung-uong")];
        assert_eq!(top(&searcher, &scoring, &none, 10)?, (0, Vec::new()));
        Ok(())
    }

    #[test]
    fn nothing_to_match_gives_nothing() -> tantivy::Result<()> {
        let (index, title, _, _) = index(1)?;
        let searcher = index.reader()?.searcher();
        let absent = Scoring {
            terms: vec![(Term::from_field_text(title, "absent"), 1.0)],
            other: Vec::new(),
        };
        assert_eq!(top(&searcher, &absent, &[], 10)?, (0, Vec::new()));
        let (total, docs) = top(&searcher, &scoring(title, title), &[], 0)?;
        assert!(total > 0 && docs.is_empty());
        Ok(())
    }
}
