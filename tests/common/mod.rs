//! Helpers shared by the integration tests: where `../shared` is, and how gold strings compare.
#![allow(dead_code)]

use std::path::PathBuf;

use parallax::model::{Analysis, Entity};
use parallax::{pipeline, readers};

/// `../shared` beside the repository; the tests need it (CI puts it there).
pub fn shared() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        dir.is_dir(),
        "{} is missing: the tests read the seeds and benchmarks from it",
        dir.display()
    );
    dir
}

/// Reads paths through the real readers and runs the pipeline.
pub fn analyze_paths(paths: &[PathBuf]) -> Analysis {
    let paths = paths.to_vec();
    let limits = readers::Limits::default();
    pipeline::analyze_stream(
        move |emit| readers::read_paths(&paths, limits, emit),
        &|input| readers::finish_input(input, limits),
        &|| {},
    )
}
/// An article given as plain text, as the readers hand it over.
pub fn text_source(id: &str, text: &str) -> pipeline::Item {
    Ok(parallax::ingest::Source {
        id: id.into(),
        path: format!("{id}.txt"),
        format: parallax::model::Format::Text,
        kind: parallax::ingest::ContentKind::Text,
        content: text.into(),
        fields: parallax::ingest::Fields::default(),
    })
}

/// The gold's comparison: case-insensitive, curly quotes folded, white space collapsed.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The ECB+ XML files (every topic), in path order.
pub fn ecbplus_files() -> Vec<PathBuf> {
    let root = shared().join("data/ecbplus/ECB+");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flat_map(|t| std::fs::read_dir(t.unwrap().path()).unwrap())
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

/// The five XML entities ECB+ token text uses, replaced (the benchmark scripts do the same).
pub fn unescape_xml(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The seeds gold.
pub fn seeds_gold() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(shared().join("eval/seeds.gold.json")).unwrap())
        .unwrap()
}

/// The entity with this id.
pub fn entity<'a>(analysis: &'a Analysis, id: &Option<String>) -> Option<&'a Entity> {
    analysis
        .entities
        .iter()
        .find(|e| Some(&e.id) == id.as_ref())
}

/// Whether our entity is the gold one named `name`: it goes by that name or by one of the gold
/// entity's variants (the gold's canonical form may be one no article uses).
pub fn is_gold_entity(e: &Entity, name: &str, gold: &serde_json::Value) -> bool {
    let mut names = vec![fold(name)];
    if let Some(g) = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
    {
        names.extend(
            g["variants"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| fold(v.as_str().unwrap())),
        );
    }
    std::iter::once(&e.name)
        .chain(&e.variants)
        .any(|v| names.contains(&fold(v)))
}

/// One ECB+ token: its word, sentence and place in it, and its byte span in `EcbText::text`
/// (None when its sentence was left out as a source address).
pub struct EcbToken {
    pub word: String,
    pub sentence: usize,
    pub number: usize,
    pub span: Option<(usize, usize)>,
}

/// An ECB+ document as the tests feed it to the engine: each sentence's tokens joined by spaces
/// on a line of its own, the source address some documents open with left out; with every
/// token (by `t_id`) and where it landed.
pub struct EcbText {
    pub text: String,
    pub tokens: std::collections::HashMap<u32, EcbToken>,
}

impl EcbText {
    /// The tokens a markable's body anchors (`<token_anchor t_id="…"/>`), in its order.
    pub fn anchored(&self, markable: &str) -> Vec<&EcbToken> {
        use std::sync::LazyLock;
        static ANCHOR: LazyLock<regex::Regex> =
            LazyLock::new(|| regex::Regex::new(r#"t_id="(\d+)""#).unwrap());
        ANCHOR
            .captures_iter(markable)
            .filter_map(|a| self.tokens.get(&a[1].parse::<u32>().unwrap()))
            .collect()
    }
}

pub fn ecbplus_text(xml: &str) -> EcbText {
    use std::sync::LazyLock;
    static TOKEN: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"<token t_id="(\d+)" sentence="(\d+)" number="(\d+)"[^>]*>([^<]*)</token>"#,
        )
        .unwrap()
    });
    let mut sentences: Vec<Vec<(u32, String)>> = Vec::new();
    let mut tokens = std::collections::HashMap::new();
    for c in TOKEN.captures_iter(xml) {
        let (t, sentence): (u32, usize) = (c[1].parse().unwrap(), c[2].parse().unwrap());
        let word = unescape_xml(&c[4]);
        if sentences.len() <= sentence {
            sentences.resize(sentence + 1, Vec::new());
        }
        sentences[sentence].push((t, word.clone()));
        let number = c[3].parse().unwrap();
        tokens.insert(
            t,
            EcbToken {
                word,
                sentence,
                number,
                span: None,
            },
        );
    }
    let mut text = String::new();
    let mut lines = 0;
    for sentence in sentences {
        let line: Vec<&str> = sentence.iter().map(|(_, w)| w.as_str()).collect();
        if line.join(" ").starts_with("http") {
            continue;
        }
        if lines > 0 {
            text.push('\n');
        }
        lines += 1;
        for (k, (t, word)) in sentence.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            tokens.get_mut(t).unwrap().span = Some((start, text.len()));
        }
    }
    EcbText { text, tokens }
}
