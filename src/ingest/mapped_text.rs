//! Text that remembers where each byte came from in the original input.

use crate::model::{map_offset, MapRun};

/// A string built piece by piece, with runs mapping its bytes to offsets in an original text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    pub text: String,
    pub runs: Vec<MapRun>,
}

impl MappedText {
    pub fn new() -> Self {
        Self::default()
    }

    /// Text copied unchanged from `original[original_start..]`.
    pub fn push_verbatim(&mut self, s: &str, original_start: usize) {
        if s.is_empty() {
            return;
        }
        let body_start = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.runs.last_mut() {
            if last.body_start + last.len == body_start
                && last.original_start + last.len == original_start
            {
                last.len += s.len();
                return;
            }
        }
        self.runs.push(MapRun {
            body_start,
            original_start,
            len: s.len(),
        });
    }

    /// Text that replaces something at `original_start` (an entity, a curly quote, a space run).
    pub fn push_replacement(&mut self, s: &str, original_start: usize) {
        if s.is_empty() {
            return;
        }
        self.runs.push(MapRun {
            body_start: self.text.len(),
            original_start,
            len: 0,
        });
        self.text.push_str(s);
    }

    /// Maps an offset of this text to the original.
    pub fn original_offset(&self, offset: usize) -> usize {
        map_offset(&self.runs, offset)
            .unwrap_or_else(|| self.runs.first().map_or(0, |r| r.original_start))
    }

    /// Appends `other[range]`, composing its map so the result still points at the original.
    pub fn push_slice(&mut self, other: &MappedText, range: std::ops::Range<usize>) {
        let mut pos = range.start;
        while pos < range.end {
            // the run that holds `pos`, and where it stops
            let i = other.runs.partition_point(|r| r.body_start <= pos);
            let (orig, run_end, linear) = match i.checked_sub(1).map(|i| other.runs[i]) {
                Some(run) if pos < run.body_start + run.len => (
                    run.original_start + pos - run.body_start,
                    run.body_start + run.len,
                    true,
                ),
                Some(run) => {
                    let next = other.runs.get(i).map_or(other.text.len(), |r| r.body_start);
                    (run.original_start + run.len, next, false)
                }
                None => (
                    0,
                    other
                        .runs
                        .first()
                        .map_or(other.text.len(), |r| r.body_start),
                    false,
                ),
            };
            let end = run_end.min(range.end).max(pos + 1);
            let end = (end..=range.end)
                .find(|&e| other.text.is_char_boundary(e))
                .unwrap_or(range.end);
            let piece = &other.text[pos..end];
            if linear {
                self.push_verbatim(piece, orig);
            } else {
                self.push_replacement(piece, orig);
            }
            pos = end;
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_through_replacements_and_slices() {
        let original = "Say “hi”  now";
        let mut m = MappedText::new();
        m.push_verbatim("Say ", 0);
        m.push_replacement("\"", 4);
        m.push_verbatim("hi", 7);
        m.push_replacement("\"", 9);
        m.push_replacement(" ", 12);
        m.push_verbatim("now", 14);
        assert_eq!(m.text, "Say \"hi\" now");
        assert_eq!(
            &original[m.original_offset(5)..m.original_offset(5) + 2],
            "hi"
        );
        assert_eq!(&original[m.original_offset(9)..], "now");

        let mut sub = MappedText::new();
        sub.push_slice(&m, 5..12);
        assert_eq!(sub.text, "hi\" now");
        assert_eq!(sub.original_offset(0), 7);
        assert_eq!(sub.original_offset(4), 14);
    }
}
