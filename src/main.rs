//! `parallax`: the command-line shell over the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use parallax::{output, pipeline, readers};

/// mimalloc: the pipeline allocates many small strings from several threads, where glibc's
/// allocator spent about a sixth of the run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Parallax reads many news reports about the same events and tells what is actually known:
/// which reports are copies, who said what, which numbers each side claims, and where sources
/// disagree — every statement traced back to the sentences it came from.
#[derive(Parser)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles and write DIR/analysis.json.
    ///
    /// PATH may be a file or a directory (read recursively). Formats, by extension:
    /// .txt and .md articles; .html/.htm pages (also .html.gz); .jsonl (one article per line with
    /// id, url, title, text or html, published, outlet, byline); .rss/.xml/.atom feeds (one article
    /// per item); .warc/.warc.gz web archives (HTML responses, as in CC-NEWS).
    /// In a directory, hidden files and README/LICENSE/CHANGELOG files are skipped.
    /// A file that cannot be read is reported on one line and the run goes on.
    ///
    /// Example: parallax analyze examples/ --out out    (then open out/analysis.json)
    #[command(verbatim_doc_comment)]
    Analyze {
        /// Files or directories of articles.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Directory to write analysis.json into (created if missing).
        #[arg(long, short, default_value = "parallax-out")]
        out: PathBuf,
        /// Worker threads (default: all cores).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Largest single article to read, in MB; bigger ones are skipped with a message.
        #[arg(long, default_value_t = 16)]
        max_article_mb: u64,
        /// Print nothing but problems.
        #[arg(long, short)]
        quiet: bool,
        /// Only read and clean the articles (documents, sentences, mentions): skip reuse, stories
        /// and entities.
        #[arg(long, conflicts_with = "stories_only")]
        documents_only: bool,
        /// Only find copies and stories (skip names, statements, numbers, times and everything
        /// after): the quickest triage of a large archive, in a fraction of the memory.
        #[arg(long)]
        stories_only: bool,
        /// Print the entity table: each entity with its type, variants and where it was seen.
        #[arg(long)]
        entities: bool,
        /// Indent analysis.json for reading (larger: about 1.6 times the compact file).
        #[arg(long)]
        pretty: bool,
    },
    /// Train the named-entity tagger on CoNLL-2003 (`eng.train`) and write the model file.
    ///
    /// The shipped model is rebuilt, byte for byte, by:
    ///   parallax train-ner ../shared/data/conll2003-en/eng.train --out models/ner.bin
    #[command(verbatim_doc_comment)]
    TrainNer {
        /// CoNLL-2003 training file.
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, short, default_value = "models/ner.bin")]
        out: PathBuf,
        /// Training passes over the data.
        #[arg(long, default_value_t = parallax::extract::NER_EPOCHS)]
        epochs: usize,
        /// Seed of the order in which sentences are seen.
        #[arg(long, default_value_t = parallax::extract::NER_SEED)]
        seed: u64,
    },
    /// Score the named-entity tagger on CoNLL-2003 data (e.g. eng.testa) and time the tagging.
    EvalNer {
        /// CoNLL-2003 file with gold tags.
        data: PathBuf,
        /// Model file (default: the one built into the binary).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Times to tag the whole file; the fastest pass is reported.
        #[arg(long, default_value_t = 3)]
        repeat: usize,
    },
    /// Train the word-class (part-of-speech) tagger on CoNLL-2003 (`eng.train`) and write the
    /// model file; `--eval` scores it on another CoNLL file (e.g. eng.testa).
    ///
    /// The shipped model is rebuilt, byte for byte, by:
    ///   parallax train-pos ../shared/data/conll2003-en/eng.train --out models/pos.bin
    #[command(verbatim_doc_comment)]
    TrainPos {
        /// CoNLL-2003 training file.
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, short, default_value = "models/pos.bin")]
        out: PathBuf,
        /// Training passes over the data.
        #[arg(long, default_value_t = parallax::extract::POS_EPOCHS)]
        epochs: usize,
        /// Seed of the order in which sentences are seen.
        #[arg(long, default_value_t = parallax::extract::POS_SEED)]
        seed: u64,
        /// A CoNLL-2003 file to score the new model on.
        #[arg(long)]
        eval: Option<PathBuf>,
    },
    /// Train the attribution tagger (source, cue, content) on PolNeAR and write the model file.
    ///
    /// The shipped model is rebuilt, byte for byte, by:
    ///   parallax train-attribution ../shared/data/polnear/train --out models/attribution.bin
    #[command(verbatim_doc_comment)]
    TrainAttribution {
        /// A PolNeAR split: a folder with text/ and attributions/.
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, short, default_value = "models/attribution.bin")]
        out: PathBuf,
        /// Training passes over the data.
        #[arg(long, default_value_t = parallax::extract::ATTRIBUTION_EPOCHS)]
        epochs: usize,
        /// Seed of the order in which paragraphs are seen (member k uses seed + k).
        #[arg(long, default_value_t = parallax::extract::ATTRIBUTION_SEED)]
        seed: u64,
        /// Perceptrons trained per tagger, each in its own order; the model is their mean.
        #[arg(long, default_value_t = parallax::extract::ATTRIBUTION_MEMBERS,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100))]
        members: usize,
        /// Leave out every tenth article, starting at this one (0-9), to score on it later with
        /// `eval-attribution --tenth` (a check on articles neither the model nor our rules saw).
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..10))]
        without_tenth: Option<u8>,
    },
    /// Score the attribution tagger on a PolNeAR split (e.g. dev): source, cue and content spans,
    /// exact and overlap F1, and the tagging speed.
    EvalAttribution {
        /// A PolNeAR split: a folder with text/ and attributions/.
        data: PathBuf,
        /// Model file (default: the one built into the binary).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Score only every tenth article, starting at this one (0-9): the articles
        /// `train-attribution --without-tenth` left out.
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..10))]
        tenth: Option<u8>,
    },
    /// Show how the HTML extractor reads one page (for debugging extraction).
    #[command(hide = true)]
    ExplainHtml {
        /// An .html or .html.gz file.
        path: PathBuf,
    },
}

fn main() -> ExitCode {
    // `parallax eval-attribution … | head` closes our stdout early: end quietly, as other tools
    // do, rather than fail on the next line printed
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread starts
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    pipeline::quiet_guarded_failures();
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze {
            paths,
            out,
            jobs,
            max_article_mb,
            quiet,
            documents_only,
            stories_only,
            entities,
            pretty,
        } => report(analyze(
            &paths,
            &out,
            jobs,
            max_article_mb,
            Shown {
                quiet,
                entity_table: entities,
                pretty,
            },
            if documents_only {
                parallax::model::Scope::Documents
            } else if stories_only {
                parallax::model::Scope::Stories
            } else {
                parallax::model::Scope::Full
            },
        )),
        Command::TrainNer {
            data,
            out,
            epochs,
            seed,
        } => report(train_ner(&data, &out, epochs, seed)),
        Command::EvalNer {
            data,
            model,
            repeat,
        } => report(eval_ner(&data, model.as_deref(), repeat)),
        Command::TrainPos {
            data,
            out,
            epochs,
            seed,
            eval,
        } => report(train_pos(&data, &out, epochs, seed, eval.as_deref())),
        Command::TrainAttribution {
            data,
            out,
            epochs,
            seed,
            members,
            without_tenth,
        } => report(train_attribution(
            &data,
            &out,
            (epochs, seed, members),
            without_tenth,
        )),
        Command::EvalAttribution { data, model, tenth } => {
            report(eval_attribution(&data, model.as_deref(), tenth))
        }
        Command::ExplainHtml { path } => {
            let mut html = None;
            let limits = readers::Limits::default();
            readers::read_paths(&[path], limits, &mut |input| {
                for item in readers::finish_input(input, limits) {
                    match item {
                        Ok(source) => html = Some(source.content),
                        Err(problem) => eprintln!("warning: {problem}"),
                    }
                }
            });
            match html {
                Some(html) => {
                    print!("{}", parallax::ingest::html::explain(&html));
                    ExitCode::SUCCESS
                }
                None => ExitCode::FAILURE,
            }
        }
    }
}

/// What a run prints and how it writes analysis.json.
struct Shown {
    quiet: bool,
    entity_table: bool,
    pretty: bool,
}

fn analyze(
    paths: &[PathBuf],
    out: &std::path::Path,
    jobs: Option<usize>,
    max_article_mb: u64,
    shown: Shown,
    scope: parallax::model::Scope,
) -> anyhow::Result<()> {
    let Shown {
        quiet,
        entity_table,
        pretty,
    } = shown;
    let started = Instant::now();
    if let Some(jobs) = jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()?;
    }
    let limits = readers::Limits {
        max_article_bytes: max_article_mb.max(1) * 1024 * 1024,
    };
    let progress = if std::io::stderr().is_terminal() && !quiet {
        let bar = ProgressBar::new_spinner();
        bar.set_style(ProgressStyle::with_template(
            "{spinner} {pos} articles done ({per_sec})",
        )?);
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        bar
    } else {
        ProgressBar::hidden()
    };
    let paths = paths.to_vec();
    let mut analysis = pipeline::documents_from_stream(
        move |emit| readers::read_paths(&paths, limits, emit),
        &|input| readers::finish_input(input, limits),
        &|| progress.inc(1),
        scope,
    );
    let documents_done = started.elapsed();
    let times = (scope != parallax::model::Scope::Documents)
        .then(|| pipeline::across_documents(&mut analysis, scope));
    progress.finish_and_clear();
    const SHOWN: usize = 100;
    for problem in analysis.problems.iter().take(SHOWN) {
        eprintln!("warning: {problem}");
    }
    if analysis.problems.len() > SHOWN {
        eprintln!(
            "warning: … {} more problems, all listed in analysis.json",
            analysis.problems.len() - SHOWN
        );
    }
    let writing = Instant::now();
    let path = output::write_analysis(&analysis, out, pretty)?;
    let reports = output::write_reports(&analysis, out)?;
    if !quiet {
        print!("{}", output::summary(&analysis));
        if entity_table {
            print!("{}", output::entity_table(&analysis));
        }
        let mut stages = format!("documents {:.2} s", documents_done.as_secs_f64());
        if let Some(times) = times {
            stages += &format!(
                ", reuse {:.2} s, stories {:.2} s, entities {:.2} s, reconcile {:.2} s",
                times.reuse.as_secs_f64(),
                times.stories.as_secs_f64(),
                times.entities.as_secs_f64(),
                times.reconcile.as_secs_f64()
            );
        }
        let names: Vec<String> = reports
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        println!(
            "wrote {} and {} in {:.2} s ({stages}, writing {:.2} s)",
            path.display(),
            names.join(", "),
            started.elapsed().as_secs_f64(),
            writing.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

fn train_ner(
    data: &std::path::Path,
    out: &std::path::Path,
    epochs: usize,
    seed: u64,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let text = std::fs::read_to_string(data)
        .map_err(|e| anyhow::anyhow!("{}: cannot read ({e})", data.display()))?;
    let tagger = parallax::extract::train_ner(&text, epochs, seed)
        .map_err(|e| anyhow::anyhow!("{}: {e}", data.display()))?;
    let bytes = tagger.to_bytes();
    write_model(out, &bytes)?;
    println!(
        "wrote {} ({} KB) in {:.1} s",
        out.display(),
        bytes.len() / 1024,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn read_pos_sentences(path: &std::path::Path) -> anyhow::Result<Vec<Vec<(String, String)>>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: cannot read ({e})", path.display()))?;
    parallax::extract::pos::parse_conll(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn train_pos(
    data: &std::path::Path,
    out: &std::path::Path,
    epochs: usize,
    seed: u64,
    eval: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let sentences = read_pos_sentences(data)?;
    let tagger = parallax::extract::pos::PosTagger::train(&sentences, epochs, seed);
    let bytes = tagger.to_bytes();
    write_model(out, &bytes)?;
    println!(
        "wrote {} ({} KB) in {:.1} s",
        out.display(),
        bytes.len() / 1024,
        started.elapsed().as_secs_f64()
    );
    if let Some(path) = eval {
        let gold = read_pos_sentences(path)?;
        println!(
            "{}: word-class accuracy {:.4}",
            path.display(),
            tagger.accuracy(&gold)
        );
    }
    Ok(())
}

fn eval_ner(
    data: &std::path::Path,
    model: Option<&std::path::Path>,
    repeat: usize,
) -> anyhow::Result<()> {
    use parallax::extract::{self, ner::EntityType};
    let tagger = match model {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| anyhow::anyhow!("{}: cannot read ({e})", path.display()))?;
            parallax::extract::ner::Tagger::from_bytes(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => extract::shipped_ner().clone(),
    };
    let text = std::fs::read_to_string(data)
        .map_err(|e| anyhow::anyhow!("{}: cannot read ({e})", data.display()))?;
    let sentences =
        extract::conll::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", data.display()))?;
    let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let mut fastest = f64::INFINITY;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        let tagged: usize = words.iter().map(|w| tagger.tag(w).len()).sum();
        assert_eq!(tagged, tokens);
        fastest = fastest.min(started.elapsed().as_secs_f64());
    }
    use EntityType::*;
    for (name, types) in [
        ("PER", &[Person][..]),
        ("ORG", &[Organization][..]),
        ("LOC", &[Location][..]),
        ("MISC", &[Other][..]),
        ("PER+ORG+LOC", &[Person, Organization, Location][..]),
    ] {
        let s = extract::evaluate_ner(&tagger, &sentences, types);
        println!(
            "{name:<12} P {:.3} R {:.3} F1 {:.3} ({} gold, {} predicted)",
            s.precision(),
            s.recall(),
            s.f1(),
            s.gold,
            s.predicted
        );
    }
    println!(
        "tagged {tokens} tokens in {} sentences in {fastest:.3} s ({:.0} tokens/s, one thread, fastest of {})",
        sentences.len(),
        tokens as f64 / fastest,
        repeat.max(1)
    );
    Ok(())
}

fn report(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read_polnear(
    split: &std::path::Path,
) -> anyhow::Result<Vec<(String, Vec<parallax::extract::polnear::PartSpan>)>> {
    let files = readers::polnear_split(split).map_err(|e| anyhow::anyhow!("{e}"))?;
    parallax::extract::polnear_articles(files).map_err(|e| anyhow::anyhow!("{e}"))
}

/// The articles (in name order) whose index falls, or does not fall, in the given tenth.
fn in_tenth<T>(articles: Vec<T>, tenth: u8, inside: bool) -> Vec<T> {
    articles
        .into_iter()
        .enumerate()
        .filter(|(k, _)| (k % 10 == usize::from(tenth)) == inside)
        .map(|(_, a)| a)
        .collect()
}

fn train_attribution(
    data: &std::path::Path,
    out: &std::path::Path,
    (epochs, seed, members): (usize, u64, usize),
    without_tenth: Option<u8>,
) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut articles = read_polnear(data)?;
    if let Some(tenth) = without_tenth {
        articles = in_tenth(articles, tenth, false);
    }
    let tagger = parallax::extract::train_attribution(&articles, epochs, seed, members);
    let bytes = tagger.to_bytes();
    write_model(out, &bytes)?;
    println!(
        "wrote {} ({} KB) from {} articles in {:.1} s",
        out.display(),
        bytes.len() / 1024,
        articles.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn eval_attribution(
    data: &std::path::Path,
    model: Option<&std::path::Path>,
    tenth: Option<u8>,
) -> anyhow::Result<()> {
    use parallax::extract::attribution::AttributionTagger;
    let tagger = match model {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| anyhow::anyhow!("{}: cannot read ({e})", path.display()))?;
            AttributionTagger::from_bytes(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => parallax::extract::shipped_attribution().clone(),
    };
    let mut articles = read_polnear(data)?;
    if let Some(tenth) = tenth {
        articles = in_tenth(articles, tenth, true);
    }
    let started = Instant::now();
    let scores = parallax::extract::evaluate_attribution(&tagger, &articles);
    let seconds = started.elapsed().as_secs_f64();
    print_part_scores(&scores);
    println!(
        "tagged {} articles in {seconds:.2} s ({:.0} articles/s, one thread, scoring included)",
        articles.len(),
        articles.len() as f64 / seconds
    );
    println!("given the gold cues:");
    let given = parallax::extract::evaluate_attribution_given_cues(&tagger, &articles);
    print_part_scores(&[given[0], given[2]]);
    let agreement = annotator_agreement(data)?;
    if !agreement.is_empty() && tenth.is_none() {
        println!(
            "people: each further annotator against the first, on the articles several marked ({} pairs)",
            agreement.len()
        );
        print_part_scores(&parallax::extract::annotator_agreement(&agreement));
    }
    Ok(())
}

/// Prints the scores of the parts given, in the order source, cue, content, skipping the cue
/// when two are given (source and content).
fn print_part_scores(scores: &[parallax::extract::polnear::PartScore]) {
    use parallax::extract::polnear::Part;
    let parts: &[Part] = if scores.len() == 2 {
        &[Part::Source, Part::Content]
    } else {
        &Part::ALL
    };
    for (part, s) in parts.iter().zip(scores) {
        println!(
            "{:<8} exact F1 {:.4}  overlap F1 {:.4} (P {:.3} R {:.3})  ({} gold, {} predicted, {} exact)",
            part.name(),
            s.exact_f1(),
            s.overlap_f1(),
            s.overlap_precision(),
            s.overlap_recall(),
            s.gold,
            s.predicted,
            s.exact
        );
    }
}

type PolnearSpan = parallax::extract::polnear::PartSpan;

/// One article two people marked: its text, the first annotator's spans, the other's.
type TwiceMarked = (String, Vec<PolnearSpan>, Vec<PolnearSpan>);

/// The articles of a PolNeAR split that several people marked, once per further annotator: (text,
/// first annotator's spans, the further one's).
fn annotator_agreement(split: &std::path::Path) -> anyhow::Result<Vec<TwiceMarked>> {
    let first: std::collections::HashMap<String, (String, String)> = readers::polnear_split(split)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .into_iter()
        .map(|(name, text, ann)| (name, (text, ann)))
        .collect();
    let mut out = Vec::new();
    for (name, text, further) in
        readers::polnear_further_annotations(split).map_err(|e| anyhow::anyhow!("{e}"))?
    {
        let Some((_, first)) = first.get(&name) else {
            continue;
        };
        let parse = |ann: &str| {
            parallax::extract::polnear::parse(&text, ann)
                .map_err(|e| anyhow::anyhow!("{name}: {e}"))
        };
        let (first, further) = (parse(first)?, parse(&further)?);
        out.push((text, first, further));
    }
    Ok(out)
}

/// Writes a model file, creating its folder.
fn write_model(out: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, bytes).map_err(|e| anyhow::anyhow!("{}: cannot write ({e})", out.display()))
}
