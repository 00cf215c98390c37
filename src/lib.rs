//! Parallax reads many news reports about the same events and tells what is actually known.
//!
//! The pipeline runs one way (see docs/ARCHITECTURE.md): [`readers`] turn files into sources,
//! [`ingest`] turns each source into a clean [`model::Document`], [`text`] finds its sentences,
//! and [`output`] writes `analysis.json`. Only `readers` and `output` touch the file system.

pub mod entities;
pub mod extract;
mod hashing;
pub mod ingest;
mod learn;
pub mod lexicon;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod readers;
pub mod reconcile;
pub mod report;
pub mod reuse;
pub mod stories;
pub mod text;
