//! Main text and metadata of an HTML page.
//!
//! Readability's idea, on our own light tree: paragraphs vote for the containers that hold them,
//! the best-scored container (with its strong siblings) is the article, and inside it blocks of
//! links, forms, share bars and other page furniture are dropped by tag, role and class name.

use std::sync::LazyLock;

use regex::Regex;

use super::html_tree::{self, Child, NodeId, Tree};
use super::mapped_text::MappedText;

/// What a block of the page is, as its markup says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Caption,
}

/// A block of visible text from the article, mapped back into the HTML source.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: MappedText,
    /// Bytes of the text that sit inside links.
    pub link_bytes: usize,
}

/// Metadata the page states in its markup.
#[derive(Debug, Clone, Default)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub byline: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub meta: PageMeta,
    pub blocks: Vec<Block>,
}

/// Tags whose whole subtree is never article text.
const JUNK_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
    "nav", "aside", "footer", "header", "input", "label", "object", "embed", "canvas", "video",
    "audio", "dialog", "menu", "head", "title", "math", "map",
];

/// ARIA roles of page furniture.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "search",
    "alertdialog",
    "toolbar",
];

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "td",
    "th",
    "tr",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "table",
    "ul",
    "ol",
    "dl",
    "hr",
    "address",
    "center",
    "tbody",
    "caption",
];

/// Parts of class or id names of furniture ("article-share", "related_links", "comments"):
/// matched between hyphens, underscores or spaces.
static JUNK_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|[\s_-])(?:
            comments?|commentlist|disqus|share|sharing|sharebar|social|socials|related|relatedposts|
            sidebar|widget|newsletter|subscribe|subscription|signup|promo|promotion|advert\w*|
            ads|ad|adslot|sponsor\w*|cookie\w*|consent|gdpr|popup|modal|breadcrumbs?|pagination|pager|
            footer|masthead|navbar|nav|navigation|menu|recirc\w*|outbrain|taboola|recommended|
            recommendations|trending|paywall|byline|bylines|dateline|toolbar|jumplink|
            alsoread|also-read|readmore|read-more|more-stories|morestories|most-popular|mostpopular
        )(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Whole class or id names of furniture; as parts of longer names they mean nothing
/// ("overflow-hidden" is layout, "hidden" is hidden).
static JUNK_CLASS_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:^|\s)(?:
            hidden|sr-only|visually-hidden|screen-reader-text|caption|credit|credits|tags|tag-list|
            meta|post-meta|entry-meta|article-meta|headline|title|label|print|bio|author-bio|
            author|timestamp|kicker|eyebrow|disclaimer|rating|reactions|tooltip|skip|skip-link
        )(?:$|\s)",
    )
    .expect("valid regex")
});

/// Class or id words of article bodies.
static BODY_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:article|story|entry|post|content|main|body|text|blog)[\s_-]*(?:body|content|text|copy)?
        |articlebody|storybody|entry-content|post-content|rich-?text|prose",
    )
    .expect("valid regex")
});

static STRONG_BODY_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s_-])(?:article|story|entry|post|main)[_-]*(?:body|content|text)(?:$|[\s_-])|articlebody|storybody|story-?content|article-?text|post-?text|entry-?text",
    )
    .expect("valid regex")
});

/// How the extractor read a page: the chosen container and its ancestors, for debugging.
pub fn explain(html: &str) -> String {
    let tree = html_tree::parse(html);
    let junk = mark_junk(&tree, html);
    let stats = subtree_stats(&tree, html, &junk);
    let mut out = format!(
        "{} nodes, {} junk\n",
        tree.nodes.len(),
        junk.iter().filter(|&&j| j).count()
    );
    // the furniture that held the most prose: where a lost article usually is
    let hard: Vec<bool> = vec![false; tree.nodes.len()];
    let raw = subtree_stats(&tree, html, &hard);
    let mut dropped: Vec<NodeId> = (1..tree.nodes.len())
        .filter(|&id| junk[id] && tree.nodes[id].parent.is_some_and(|p| !junk[p]))
        .collect();
    dropped.sort_by_key(|&id| std::cmp::Reverse(raw[id].prose));
    for &id in dropped.iter().take(3) {
        let n = &tree.nodes[id];
        let why = if is_furniture_element(&tree, id) {
            "element"
        } else {
            "class"
        };
        out.push_str(&format!(
            "dropped ({why}): {}[{}] prose={} chars={} links={}\n",
            n.tag, n.class_id, raw[id].prose, raw[id].chars, raw[id].link_chars
        ));
    }
    let Some(root) = pick_article(&tree, &junk, &stats) else {
        out.push_str("no container found\n");
        html_tree::outline(&tree, 0, 4, &mut out, 0);
        for id in 0..tree.nodes.len() {
            if !junk[id] && tree.nodes[id].parent.is_some_and(|p| junk[p]) {
                out.push_str("inconsistent junk\n");
            }
            if junk[id]
                && tree.nodes[id].parent.is_some_and(|p| !junk[p])
                && tree.nodes[id].tag != "script"
                && tree.nodes[id].tag != "head"
            {
                out.push_str(&format!(
                    "junk root: {}[{}]\n",
                    tree.nodes[id].tag, tree.nodes[id].class_id
                ));
            }
        }
        return out;
    };
    let mut chain = Vec::new();
    let mut at = Some(root);
    while let Some(id) = at {
        let n = &tree.nodes[id];
        chain.push(format!(
            "{}[{}] chars={} links={}",
            n.tag, n.class_id, stats[id].chars, stats[id].link_chars
        ));
        at = n.parent;
    }
    out.push_str(&chain.join("\n  < "));
    out.push('\n');
    for id in article_nodes(&tree, &junk, &stats, root) {
        out.push_str(&format!(
            "part: {}[{}] chars={}\n",
            tree.nodes[id].tag, tree.nodes[id].class_id, stats[id].chars
        ));
    }
    out
}

/// Extracts the article of a page.
pub fn extract(html: &str) -> Page {
    let tree = html_tree::parse(html);
    let meta = page_meta(&tree, html);
    let junk = mark_junk(&tree, html);
    let stats = subtree_stats(&tree, html, &junk);
    let root = pick_article(&tree, &junk, &stats);
    let mut blocks = Vec::new();
    if let Some(root) = root {
        for node in article_nodes(&tree, &junk, &stats, root) {
            collect_blocks(&tree, html, &junk, node, &mut blocks);
        }
    }
    let blocks = drop_link_lists(blocks);
    Page { meta, blocks }
}

/// Reader comments: running prose, but never the article.
static COMMENTS_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s_-])(?:comments?|commentlist|comment-list|disqus|respond|replies)(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Furniture by tag, ARIA role, hidden state or comment section: never article text, whatever it holds.
fn is_furniture_element(tree: &Tree, id: NodeId) -> bool {
    let node = &tree.nodes[id];
    let page_level = matches!(node.tag.as_ref(), "body" | "html" | "main" | "article");
    if !page_level
        && COMMENTS_CLASS.is_match(&node.class_id)
        && !STRONG_BODY_CLASS.is_match(&node.class_id)
    {
        return true;
    }
    if JUNK_TAGS.contains(&node.tag.as_ref()) {
        return true;
    }
    if node.attr("hidden").is_some() || node.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let style = style.to_ascii_lowercase().replace(' ', "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    node.attr("role").is_some_and(|r| JUNK_ROLES.contains(&r))
}

/// Furniture by class or id name ("share-bar", "related-links"), or a form.
fn has_furniture_class(tree: &Tree, id: NodeId) -> bool {
    let node = &tree.nodes[id];
    if node.tag == "form" {
        return true;
    }
    let class = node.class_id.as_ref();
    if class.is_empty()
        || matches!(
            node.tag.as_ref(),
            "body" | "html" | "article" | "main" | "p"
        )
    {
        return false;
    }
    (JUNK_CLASS.is_match(class) || JUNK_CLASS_TOKEN.is_match(class))
        && !STRONG_BODY_CLASS.is_match(class)
}

/// junk[id] is true when the node or one of its ancestors is furniture. Class names are weak
/// evidence: a container they name ("box article modal-enabled") that holds a large share of the
/// page's text in running prose is kept.
fn mark_junk(tree: &Tree, html: &str) -> Vec<bool> {
    let mut hard = vec![false; tree.nodes.len()];
    // parents always come before children in the arena
    for id in 1..tree.nodes.len() {
        hard[id] = tree.nodes[id].parent.is_some_and(|p| hard[p]) || is_furniture_element(tree, id);
    }
    let stats = subtree_stats(tree, html, &hard);
    let page_chars = stats[0].chars.max(1);
    let mut junk = hard.clone();
    for id in 1..tree.nodes.len() {
        if junk[id] {
            continue;
        }
        if tree.nodes[id].parent.is_some_and(|p| junk[p]) {
            junk[id] = true;
            continue;
        }
        let st = stats[id];
        let big_prose = (st.chars * 4 > page_chars && st.link_density() < 0.4)
            || (st.prose >= 600 && st.link_chars < st.prose);
        // a wrapper around nearly the whole page (ASP.NET's page-wide <form>) is layout
        let page_wrapper = st.chars * 10 >= page_chars * 9;
        junk[id] = has_furniture_class(tree, id) && !big_prose && !page_wrapper;
    }
    junk
}

/// Visible text of a subtree: characters, characters inside links, commas.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    chars: usize,
    link_chars: usize,
    commas: usize,
    /// Characters of running prose: text of `<p>` elements outside links.
    prose: usize,
    /// `<p>` elements holding prose.
    paragraphs: usize,
}

impl Stats {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Stats of every subtree, junk left out, in one pass from the leaves up.
fn subtree_stats(tree: &Tree, html: &str, junk: &[bool]) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); tree.nodes.len()];
    // children always come after their parent in the arena
    for id in (0..tree.nodes.len()).rev() {
        if junk[id] {
            continue;
        }
        let mut s = Stats::default();
        for child in &tree.nodes[id].children {
            match child {
                Child::Element(c) => {
                    let cs = stats[*c];
                    s.chars += cs.chars;
                    s.link_chars += cs.link_chars;
                    s.commas += cs.commas;
                    s.prose += cs.prose;
                    s.paragraphs += cs.paragraphs;
                }
                Child::Text(r) => {
                    let t = &html[r.clone()];
                    s.chars += t.split_whitespace().map(|w| w.len() + 1).sum::<usize>();
                    s.commas += t.bytes().filter(|&b| b == b',').count();
                }
                Child::Break => {}
            }
        }
        match tree.nodes[id].tag.as_ref() {
            "a" => s.link_chars = s.chars,
            "p" => {
                s.prose = s.chars - s.link_chars.min(s.chars);
                s.paragraphs = usize::from(s.prose > 0);
            }
            _ => {}
        }
        stats[id] = s;
    }
    stats
}

fn has_block_child(tree: &Tree, id: NodeId) -> bool {
    tree.nodes[id].children.iter().any(|c| match c {
        Child::Element(e) => BLOCK_TAGS.contains(&tree.nodes[*e].tag.as_ref()),
        _ => false,
    })
}

fn class_weight(class: &str) -> f64 {
    let mut w = 0.0;
    if STRONG_BODY_CLASS.is_match(class) {
        w += 40.0;
    } else if BODY_CLASS.is_match(class) {
        w += 15.0;
    }
    if JUNK_CLASS.is_match(class) || JUNK_CLASS_TOKEN.is_match(class) {
        w -= 25.0;
    }
    w
}

/// Scores containers by the paragraphs they hold and returns the best one.
fn pick_article(tree: &Tree, junk: &[bool], stats: &[Stats]) -> Option<NodeId> {
    let mut score = vec![0.0f64; tree.nodes.len()];
    let mut scored = vec![false; tree.nodes.len()];
    for id in 1..tree.nodes.len() {
        if junk[id] {
            continue;
        }
        let node = &tree.nodes[id];
        let paragraph_like = match node.tag.as_ref() {
            "p" | "pre" | "blockquote" | "td" => true,
            "div" | "section" | "li" | "span" => !has_block_child(tree, id),
            _ => false,
        };
        if !paragraph_like {
            continue;
        }
        let st = stats[id];
        if st.chars < 25 || st.link_chars * 2 > st.chars {
            continue;
        }
        let vote = 1.0 + st.commas as f64 + (st.chars as f64 / 100.0).min(3.0);
        let mut ancestor = node.parent;
        let mut level = 0;
        while let Some(a) = ancestor {
            if level > 4 {
                break;
            }
            if !scored[a] {
                scored[a] = true;
                score[a] += initial_score(tree, a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            score[a] += vote / divider;
            ancestor = tree.nodes[a].parent;
            level += 1;
        }
    }
    let mut best: Option<(NodeId, f64)> = None;
    // the root is scored too: a fragment (a feed item, a JSON `html` field) has its paragraphs there
    for id in 0..tree.nodes.len() {
        if !scored[id] {
            continue;
        }
        let s = score[id] * (1.0 - stats[id].link_density());
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((id, s));
        }
    }
    match best {
        Some((id, s)) if s > 0.0 => Some(climb_to_whole_article(tree, stats, id)),
        // a page too small for any paragraph to vote is read whole
        _ => (!junk[0]).then_some(0),
    }
}

/// Some sites cut one article into chunks in separate containers (ad rails between them): when
/// an ancestor holds much more running prose and little else, the article is the ancestor.
fn climb_to_whole_article(tree: &Tree, stats: &[Stats], mut id: NodeId) -> NodeId {
    'climb: loop {
        let here = stats[id];
        // look a few levels up, past wrappers that add nothing
        let mut up_id = id;
        for _ in 0..5 {
            let Some(parent) = tree.nodes[up_id].parent else {
                break 'climb;
            };
            up_id = parent;
            let up = stats[up_id];
            let more_prose = up.prose * 4 >= here.prose * 5 && up.prose >= here.prose + 300;
            if !more_prose {
                continue;
            }
            let little_else =
                up.chars.saturating_sub(up.prose) * 3 <= up.prose && up.link_density() < 0.25;
            // the added paragraphs must read like the article's own, not like short teasers
            let added_mean = (up.prose - here.prose) / (up.paragraphs - here.paragraphs).max(1);
            let own_mean = here.prose / here.paragraphs.max(1);
            if !little_else || added_mean * 2 < own_mean {
                break 'climb;
            }
            id = up_id;
            continue 'climb;
        }
        break;
    }
    id
}

fn initial_score(tree: &Tree, id: NodeId) -> f64 {
    let node = &tree.nodes[id];
    let by_tag = match node.tag.as_ref() {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" | "address" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let itemprop = if node.attr("itemprop") == Some("articleBody") {
        50.0
    } else {
        0.0
    };
    by_tag + class_weight(&node.class_id) + itemprop
}

/// The article container and the siblings that look like more of the same article.
fn article_nodes(tree: &Tree, junk: &[bool], stats: &[Stats], root: NodeId) -> Vec<NodeId> {
    let Some(parent) = tree.nodes[root].parent else {
        return vec![root];
    };
    let root_chars = stats[root].chars;
    let mut out = Vec::new();
    for child in &tree.nodes[parent].children {
        let Child::Element(sib) = *child else {
            continue;
        };
        if sib == root {
            out.push(sib);
            continue;
        }
        if junk[sib] {
            continue;
        }
        let Stats {
            chars, link_chars, ..
        } = stats[sib];
        let sib_node = &tree.nodes[sib];
        let same_class =
            !sib_node.class_id.is_empty() && sib_node.class_id == tree.nodes[root].class_id;
        let plain_paragraph = sib_node.tag == "p" && chars > 80 && link_chars * 4 < chars;
        let big_and_clean = chars * 5 > root_chars && link_chars * 4 < chars && chars > 200;
        if plain_paragraph
            || (same_class && link_chars * 3 < chars && chars * 2 > root_chars)
            || big_and_clean
        {
            out.push(sib);
        }
    }
    out
}

fn kind_of(tag: &str) -> BlockKind {
    match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        "figcaption" | "caption" => BlockKind::Caption,
        _ => BlockKind::Paragraph,
    }
}

struct BlockWriter<'a> {
    html: &'a str,
    blocks: &'a mut Vec<Block>,
    current: MappedText,
    kind: BlockKind,
    pending_space: Option<usize>,
    link_depth: usize,
    link_bytes: usize,
}

impl BlockWriter<'_> {
    fn flush(&mut self) {
        if !self.current.is_empty() {
            let text = std::mem::take(&mut self.current);
            self.blocks.push(Block {
                kind: self.kind,
                text,
                link_bytes: self.link_bytes,
            });
        }
        self.link_bytes = 0;
        self.pending_space = None;
        self.kind = BlockKind::Paragraph;
    }

    fn space_before(&mut self, at: usize) {
        if let Some(space_at) = self.pending_space.take() {
            if !self.current.is_empty() {
                // one plain space in the source stays a verbatim copy, so map runs stay long
                if at == space_at + 1 && self.html.as_bytes()[space_at] == b' ' {
                    self.current.push_verbatim(" ", space_at);
                } else {
                    self.current.push_replacement(" ", space_at.min(at));
                }
            }
        }
    }

    /// Appends raw HTML text: entities decoded, white space collapsed.
    fn push_raw(&mut self, range: std::ops::Range<usize>) {
        let before = self.current.len();
        self.push_decoded(range);
        if self.link_depth > 0 {
            self.link_bytes += self.current.len() - before;
        }
    }

    fn push_decoded(&mut self, range: std::ops::Range<usize>) {
        let raw = &self.html[range.clone()];
        let base = range.start;
        let mut i = 0;
        while i < raw.len() {
            let rest = &raw[i..];
            let c = rest.chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                self.pending_space.get_or_insert(base + i);
                i += c.len_utf8();
                continue;
            }
            if c == '&' {
                if let Some((decoded, used)) = decode_entity(rest) {
                    if decoded.chars().all(char::is_whitespace) {
                        self.pending_space.get_or_insert(base + i);
                    } else {
                        self.space_before(base + i);
                        self.current.push_replacement(&decoded, base + i);
                    }
                    i += used;
                    continue;
                }
            }
            // copy the run up to the next space or entity verbatim
            let run_len = rest
                .find(|ch: char| ch.is_whitespace() || ch == '&')
                .unwrap_or(rest.len())
                .max(c.len_utf8());
            self.space_before(base + i);
            self.current.push_verbatim(&rest[..run_len], base + i);
            i += run_len;
        }
    }
}

/// Decodes one entity at the start of `s`; returns the text and the bytes it used.
fn decode_entity(s: &str) -> Option<(String, usize)> {
    let end = s[1..]
        .char_indices()
        .take(32)
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
        .map(|(i, c)| if c == ';' { i + 2 } else { i + 1 })
        .unwrap_or_else(|| s.len().min(33));
    let candidate = &s[..end];
    if candidate.len() < 3 {
        return None;
    }
    let decoded = htmlize::unescape(candidate);
    if decoded == candidate {
        return None;
    }
    Some((decoded.into_owned(), end))
}

fn collect_blocks(tree: &Tree, html: &str, junk: &[bool], root: NodeId, blocks: &mut Vec<Block>) {
    let mut writer = BlockWriter {
        html,
        blocks,
        current: MappedText::new(),
        kind: BlockKind::Paragraph,
        pending_space: None,
        link_depth: 0,
        link_bytes: 0,
    };
    walk(tree, junk, root, &mut writer);
    writer.flush();
}

fn walk(tree: &Tree, junk: &[bool], id: NodeId, w: &mut BlockWriter) {
    if junk[id] {
        return;
    }
    let tag = tree.nodes[id].tag.as_ref();
    let is_block = BLOCK_TAGS.contains(&tag);
    if is_block {
        w.flush();
        w.kind = kind_of(tag);
    }
    let is_link = tag == "a";
    w.link_depth += usize::from(is_link);
    for child in &tree.nodes[id].children {
        match child {
            Child::Element(c) => walk(tree, junk, *c, w),
            Child::Text(r) => w.push_raw(r.clone()),
            Child::Break => {
                let kind = w.kind;
                w.flush();
                w.kind = kind;
            }
        }
    }
    w.link_depth -= usize::from(is_link);
    if is_block {
        w.flush();
    }
}

/// Drops blocks that are mostly links: related-story lists, tag clouds, "next article" teasers.
fn drop_link_lists(blocks: Vec<Block>) -> Vec<Block> {
    blocks
        .into_iter()
        .filter(|b| {
            let len = b.text.text.trim().len();
            len > 0 && !(b.link_bytes * 3 > len * 2 || (b.link_bytes * 2 > len && len < 300))
        })
        .collect()
}

fn page_meta(tree: &Tree, html: &str) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut title_tag = None;
    let mut h1 = None;
    for (id, node) in tree.nodes.iter().enumerate() {
        match node.tag.as_ref() {
            "html" => meta.language = node.attr("lang").map(|l| l.to_string()),
            "title" if title_tag.is_none() => title_tag = Some(inner_text(tree, html, id)),
            "h1" if h1.is_none() => h1 = Some(inner_text(tree, html, id)),
            "link" if node.attr("rel") == Some("canonical") => {
                meta.url = node.attr("href").map(unescape)
            }
            "meta" => read_meta_tag(node, &mut meta),
            "time" if meta.published.is_none() => {
                meta.published = node.attr("datetime").map(unescape);
            }
            "script" if node.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                read_json_ld(&inner_raw(tree, html, id), &mut meta);
            }
            _ => {}
        }
    }
    meta.title = meta
        .title
        .or(h1)
        .or(title_tag)
        .filter(|t| !t.trim().is_empty());
    meta
}

fn unescape(s: &str) -> String {
    htmlize::unescape(s).trim().to_string()
}

fn read_meta_tag(node: &html_tree::Node, meta: &mut PageMeta) {
    let key = node
        .attr("property")
        .or_else(|| node.attr("name"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(content) = node.attr("content").map(unescape).filter(|c| !c.is_empty()) else {
        return;
    };
    match key.as_str() {
        "og:title" | "twitter:title" if meta.title.is_none() => meta.title = Some(content),
        "og:site_name" | "application-name" if meta.outlet.is_none() => meta.outlet = Some(content),
        "article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "dc.date"
        | "dc.date.issued"
        | "date"
        | "sailthru.date"
        | "parsely-pub-date"
        | "og:published_time"
        | "article.published"
            if meta.published.is_none() =>
        {
            meta.published = Some(content);
        }
        "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author"
        | "parsely-author"
            if meta.byline.is_none() && !content.starts_with("http") =>
        {
            meta.byline = Some(content);
        }
        "og:url" if meta.url.is_none() => meta.url = Some(content),
        _ => {}
    }
}

fn read_json_ld(raw: &str, meta: &mut PageMeta) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
        return;
    };
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Array(items) => stack.extend(items),
            serde_json::Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                let is_article = map
                    .get("@type")
                    .map(|t| t.to_string().contains("Article") || t.to_string().contains("Posting"))
                    .unwrap_or(false);
                if !is_article {
                    continue;
                }
                if meta.published.is_none() {
                    meta.published = map
                        .get("datePublished")
                        .and_then(|d| d.as_str())
                        .map(String::from);
                }
                if meta.title.is_none() {
                    meta.title = map.get("headline").and_then(|d| d.as_str()).map(unescape);
                }
                if meta.byline.is_none() {
                    meta.byline = json_ld_name(map.get("author"));
                }
                if meta.outlet.is_none() {
                    meta.outlet = json_ld_name(map.get("publisher"));
                }
            }
            _ => {}
        }
    }
}

fn json_ld_name(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(m) => m.get("name").and_then(|n| n.as_str()).map(String::from),
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(|i| json_ld_name(Some(i))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn inner_raw(tree: &Tree, html: &str, id: NodeId) -> String {
    let mut out = String::new();
    for child in &tree.nodes[id].children {
        match child {
            Child::Text(r) => out.push_str(&html[r.clone()]),
            Child::Element(c) => out.push_str(&inner_raw(tree, html, *c)),
            Child::Break => out.push(' '),
        }
    }
    out
}

fn inner_text(tree: &Tree, html: &str, id: NodeId) -> String {
    let raw = inner_raw(tree, html, id);
    htmlize::unescape(&raw)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="en"><head><title>Flood | The Daily</title>
        <meta property="og:site_name" content="The Daily">
        <meta property="article:published_time" content="2026-11-12T09:30:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <div class="share-bar">Share on Facebook</div>
        <article><h1>River breaks its banks</h1>
        <div class="article-body"><p>The river rose, flooding the lower town, officials said on Monday.</p>
        <p>Rescue teams, working through the night, reached 40 families &amp; their animals.</p>
        <h2>What happens next</h2><p>Engineers will inspect the dam, the agency said.</p></div></article>
        <div class="related"><ul><li><a href="/a">Another story about something</a></li></ul></div>
        <footer>Copyright</footer></body></html>"#;

    #[test]
    fn article_text_is_kept_and_furniture_dropped() {
        let page = extract(PAGE);
        let texts: Vec<&str> = page.blocks.iter().map(|b| b.text.text.as_str()).collect();
        assert!(texts.contains(
            &"Rescue teams, working through the night, reached 40 families & their animals."
        ));
        assert!(texts.contains(&"What happens next"));
        let all = texts.join("\n");
        for furniture in ["Home", "Share on Facebook", "Another story", "Copyright"] {
            assert!(!all.contains(furniture), "{furniture} left in {all}");
        }
        assert_eq!(page.meta.outlet.as_deref(), Some("The Daily"));
        assert_eq!(page.meta.published.as_deref(), Some("2026-11-12T09:30:00Z"));
        assert_eq!(page.meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn block_offsets_point_into_the_html_source() {
        let page = extract(PAGE);
        let block = page
            .blocks
            .iter()
            .find(|b| b.text.text.starts_with("Rescue"))
            .unwrap();
        let at = block.text.original_offset(0);
        assert!(PAGE[at..].starts_with("Rescue teams"));
        let amp = block.text.text.find('&').unwrap();
        assert!(PAGE[block.text.original_offset(amp)..].starts_with("&amp;"));
    }
}
