//! A light element tree built over lol_html's streaming tokenizer.
//!
//! lol_html tokenizes by the HTML standard and tells where every tag and text chunk sits in the
//! source, which lets the body map back into the page. It builds no tree, so this module keeps the
//! open-element stack itself, closing elements the way browsers imply (`<p>`, `<li>`, cells).

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{Element, EndTag, TextChunk};
use lol_html::{doc_text, element, HtmlRewriter, Settings};

pub type NodeId = usize;

/// A child of an element, in document order.
#[derive(Debug, Clone)]
pub enum Child {
    Element(NodeId),
    /// Raw (entity-encoded) text, as a byte range of the source.
    Text(Range<usize>),
    /// A `<br>`: a line break inside a block.
    Break,
}

#[derive(Debug, Clone, Default)]
pub struct Node<'a> {
    /// Lower-case tag name.
    pub tag: Cow<'a, str>,
    /// Lower-case `class` and `id` joined by a space: what boilerplate rules look at.
    pub class_id: Cow<'a, str>,
    /// The few attributes the extractor reads, values as written (entities not decoded).
    pub attrs: Vec<(&'static str, &'a str)>,
    pub parent: Option<NodeId>,
    pub children: Vec<Child>,
}

impl Node<'_> {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }
}

/// The parsed page: node 0 is a synthetic root. Names and values borrow from the page.
#[derive(Debug, Default)]
pub struct Tree<'a> {
    pub nodes: Vec<Node<'a>>,
}

/// Elements whose start tag closes an open `<p>` (HTML's "close a p element" rule, abridged).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Elements that may stand in `<head>`.
const HEAD_TAGS: &[&str] = &[
    "meta", "link", "script", "style", "title", "base", "noscript", "template", "head", "html",
];

/// The open elements. Shared with the end-tag handlers, which lol_html needs to be `'static`:
/// they see only ids, never the tree that borrows the page.
type OpenStack = Rc<RefCell<Vec<NodeId>>>;

#[derive(Default)]
struct Builder<'a> {
    tree: Tree<'a>,
    stack: OpenStack,
}

impl<'a> Builder<'a> {
    fn top(&self) -> NodeId {
        *self.stack.borrow().last().unwrap_or(&0)
    }

    fn open_index(&self, tag: &str, stop_at: &[&str]) -> Option<usize> {
        for (i, &id) in self.stack.borrow().iter().enumerate().rev() {
            let t = self.tree.nodes[id].tag.as_ref();
            if t == tag {
                return Some(i);
            }
            if stop_at.contains(&t) {
                return None;
            }
        }
        None
    }

    /// Closes elements that the new start tag implies are finished.
    fn close_implied(&mut self, tag: &str) {
        // `</head>` is optional: anything that cannot live in a head ends it
        if !HEAD_TAGS.contains(&tag) {
            if let Some(i) = self.open_index("head", &[]) {
                self.stack.borrow_mut().truncate(i);
            }
        }
        let close_at = match tag {
            "li" => self.open_index("li", &["ul", "ol", "menu"]),
            "dt" | "dd" => self
                .open_index("dd", &["dl"])
                .or_else(|| self.open_index("dt", &["dl"])),
            "tr" => self.open_index("tr", &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => self
                .open_index("td", &["tr", "table"])
                .or_else(|| self.open_index("th", &["tr", "table"])),
            "option" => self.open_index("option", &["select", "datalist"]),
            t if CLOSES_P.contains(&t) => {
                self.open_index("p", &["div", "td", "li", "section", "article"])
            }
            _ => None,
        };
        if let Some(i) = close_at {
            self.stack.borrow_mut().truncate(i);
        }
    }

    fn start(
        &mut self,
        tag: Cow<'a, str>,
        class_id: Cow<'a, str>,
        attrs: Vec<(&'static str, &'a str)>,
        void: bool,
    ) -> NodeId {
        self.close_implied(&tag);
        let parent = self.top();
        let id = self.tree.nodes.len();
        let is_br = tag == "br";
        self.tree.nodes.push(Node {
            tag,
            class_id,
            attrs,
            parent: Some(parent),
            children: Vec::new(),
        });
        self.tree.nodes[parent].children.push(if is_br {
            Child::Break
        } else {
            Child::Element(id)
        });
        if !void {
            self.stack.borrow_mut().push(id);
        }
        id
    }

    fn text(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let top = self.top();
        let children = &mut self.tree.nodes[top].children;
        // lol_html may hand one text node over in several chunks: join touching ranges.
        if let Some(Child::Text(last)) = children.last_mut() {
            if last.end == range.start {
                last.end = range.end;
                return;
            }
        }
        children.push(Child::Text(range));
    }
}

/// Attributes worth keeping, by tag.
fn wanted_attrs(tag: &str) -> &'static [&'static str] {
    match tag {
        "meta" => &[
            "property",
            "name",
            "content",
            "charset",
            "http-equiv",
            "itemprop",
        ],
        "time" => &["datetime"],
        "link" => &["rel", "href"],
        "script" => &["type"],
        "html" => &["lang"],
        _ => &["itemprop", "role", "hidden", "aria-hidden", "style"],
    }
}

/// Lower-cases only when needed, so the usual lower-case markup is borrowed, not copied.
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The tag name as written in the start tag at `at` ("<DIV class=..." gives "div").
fn tag_name_at(html: &str, at: usize) -> Cow<'_, str> {
    let rest = html.get(at + 1..).unwrap_or("");
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(rest.len());
    lowercase(&rest[..end])
}

fn element_start<'a>(builder: &Rc<RefCell<Builder<'a>>>, html: &'a str, el: &mut Element) {
    let tag = tag_name_at(html, el.source_location().bytes().start);
    let wanted = wanted_attrs(&tag);
    let (mut class, mut id) = ("", "");
    let mut attrs = Vec::new();
    for attr in el.attributes() {
        let Some(name_at) = attr.name_source_location() else {
            continue;
        };
        let name = &html[name_at.bytes()];
        let value = attr
            .value_source_location()
            .map_or("", |v| &html[v.bytes()]);
        if name.eq_ignore_ascii_case("class") {
            class = value;
        } else if name.eq_ignore_ascii_case("id") {
            id = value;
        } else if let Some(&known) = wanted.iter().find(|w| name.eq_ignore_ascii_case(w)) {
            attrs.push((known, value));
        }
    }
    let class_id = match (class.is_empty(), id.is_empty()) {
        (_, true) => lowercase(class),
        (true, false) => lowercase(id),
        (false, false) => Cow::Owned(format!("{class} {id}").to_ascii_lowercase()),
    };
    let void = !el.can_have_content();
    let node = builder.borrow_mut().start(tag, class_id, attrs, void);
    if let Some(handlers) = el.end_tag_handlers() {
        let stack = Rc::clone(&builder.borrow().stack);
        handlers.push(Box::new(move |_end: &mut EndTag| {
            close(&stack, node);
            Ok(())
        }));
    }
}

/// An end tag closes its element and whatever is still open inside it.
fn close(stack: &OpenStack, id: NodeId) {
    let mut stack = stack.borrow_mut();
    if let Some(i) = stack.iter().rposition(|&n| n == id) {
        stack.truncate(i);
    }
}

/// Parses a page. Never fails: whatever lol_html cannot take ends the tree where it stopped.
pub fn parse(html: &str) -> Tree<'_> {
    let builder = Rc::new(RefCell::new(Builder::default()));
    builder.borrow_mut().tree.nodes.push(Node {
        tag: "#root".into(),
        ..Node::default()
    });
    {
        let for_elements = Rc::clone(&builder);
        let for_text = Rc::clone(&builder);
        let settings = Settings::new()
            .append_element_content_handler(element!("*", move |el| {
                element_start(&for_elements, html, el);
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |chunk: &mut TextChunk| {
                for_text.borrow_mut().text(chunk.source_location().bytes());
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        // A tokenizer error only cuts the page short; what was read so far is kept.
        if rewriter.write(html.as_bytes()).is_ok() {
            let _ = rewriter.end();
        }
    }
    let builder = Rc::try_unwrap(builder)
        .map(RefCell::into_inner)
        .unwrap_or_default();
    builder.tree
}

/// The element outline of a tree, `depth` levels deep (debugging aid).
pub fn outline(tree: &Tree<'_>, id: NodeId, depth: usize, out: &mut String, indent: usize) {
    let node = &tree.nodes[id];
    out.push_str(&format!(
        "{}{} [{}]\n",
        "  ".repeat(indent),
        node.tag,
        node.class_id
    ));
    if depth == 0 {
        return;
    }
    for child in &node.children {
        if let Child::Element(c) = child {
            outline(tree, *c, depth - 1, out, indent + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(tree: &Tree<'_>, id: NodeId) -> Vec<String> {
        tree.nodes[id]
            .children
            .iter()
            .filter_map(|c| match c {
                Child::Element(e) => Some(tree.nodes[*e].tag.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn unclosed_paragraphs_and_list_items_are_closed_like_a_browser() {
        let t = parse("<div><p>one<p>two<ul><li>a<li>b</ul></div><p>three");
        let h = parse("<html><head><title>T</title><body><p>x</p></body></html>");
        let html = 1;
        assert_eq!(
            tags(&h, html),
            vec!["head", "body"],
            "a missing </head> is implied by <body>"
        );
        let div = 1;
        assert_eq!(t.nodes[div].tag, "div");
        assert_eq!(tags(&t, div), vec!["p", "p", "ul"]);
        let ul = t.nodes.iter().position(|n| n.tag == "ul").unwrap();
        assert_eq!(tags(&t, ul), vec!["li", "li"]);
        assert_eq!(tags(&t, 0), vec!["div", "p"]);
    }

    #[test]
    fn text_keeps_its_source_offsets_and_script_text_stays_in_script() {
        let html = "<p class='Lead' id=x>Hi &amp; bye</p><script>if (a<b) {}</script>";
        let t = parse(html);
        let p = &t.nodes[1];
        assert_eq!(p.class_id, "lead x");
        match &p.children[0] {
            Child::Text(r) => assert_eq!(&html[r.clone()], "Hi &amp; bye"),
            other => panic!("expected text, got {other:?}"),
        }
        let script = &t.nodes[2];
        assert_eq!(script.tag, "script");
        assert_eq!(script.children.len(), 1);
    }
}
