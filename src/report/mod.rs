//! The `report` stage: per story, a timeline of its dated happenings and an extractive summary
//! whose every sentence carries its sources; then the same analysis laid out for readers
//! (Markdown, a self-contained HTML page) and as CSV tables. Everything here is built on
//! strings: the output edge writes the files.

pub mod layout;
pub mod render;
pub mod tables;

mod summary;
mod timeline;

use crate::model::Analysis;

/// Fills the analysis's `timeline` and `summary`. `groups[d]` is the independence group of
/// document `d`.
pub fn build(analysis: &mut Analysis, groups: &[usize]) {
    analysis.timeline = timeline::build(analysis);
    analysis.summary = summary::build(analysis, groups);
}
