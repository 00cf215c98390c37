//! A light element tree built over lol_html's streaming tokenizer.
//!
//! lol_html tokenizes by the HTML standard and tells where every tag and text chunk sits in the
//! source, which lets the body map back into the page. It builds no tree, so this module keeps the
//! open-element stack itself, closing elements the way browsers imply (`<p>`, `<li>`, cells).

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
pub struct Node {
    /// Lower-case tag name.
    pub tag: String,
    /// Lower-case `class` and `id` joined by a space: what boilerplate rules look at.
    pub class_id: String,
    pub attrs: Vec<(String, String)>,
    pub parent: Option<NodeId>,
    pub children: Vec<Child>,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The parsed page: node 0 is a synthetic root.
#[derive(Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
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

#[derive(Default)]
struct Builder {
    tree: Tree,
    stack: Vec<NodeId>,
}

impl Builder {
    fn top(&self) -> NodeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn open_index(&self, tag: &str, stop_at: &[&str]) -> Option<usize> {
        for (i, &id) in self.stack.iter().enumerate().rev() {
            let t = self.tree.nodes[id].tag.as_str();
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
                self.stack.truncate(i);
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
            self.stack.truncate(i);
        }
    }

    fn start(
        &mut self,
        tag: String,
        class_id: String,
        attrs: Vec<(String, String)>,
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
            self.stack.push(id);
        }
        id
    }

    fn end(&mut self, id: NodeId) {
        if let Some(i) = self.stack.iter().rposition(|&n| n == id) {
            self.stack.truncate(i);
        }
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

/// Attributes worth keeping, by tag: reading only these avoids allocating every attribute.
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
        "a" => &[],
        _ => &["itemprop", "role", "hidden", "aria-hidden", "style"],
    }
}

fn element_start(builder: &Rc<RefCell<Builder>>, el: &mut Element) {
    let tag = el.tag_name();
    let mut class_id = el.get_attribute("class").unwrap_or_default();
    if let Some(id) = el.get_attribute("id") {
        if !class_id.is_empty() {
            class_id.push(' ');
        }
        class_id.push_str(&id);
    }
    class_id.make_ascii_lowercase();
    let attrs = wanted_attrs(&tag)
        .iter()
        .filter_map(|&name| el.get_attribute(name).map(|v| (name.to_string(), v)))
        .collect();
    let void = !el.can_have_content();
    let id = builder.borrow_mut().start(tag, class_id, attrs, void);
    if let Some(handlers) = el.end_tag_handlers() {
        let builder = Rc::clone(builder);
        handlers.push(Box::new(move |_end: &mut EndTag| {
            builder.borrow_mut().end(id);
            Ok(())
        }));
    }
}

/// Parses a page. Never fails: whatever lol_html cannot take ends the tree where it stopped.
pub fn parse(html: &str) -> Tree {
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
                element_start(&for_elements, el);
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
pub fn outline(tree: &Tree, id: NodeId, depth: usize, out: &mut String, indent: usize) {
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

    fn tags(tree: &Tree, id: NodeId) -> Vec<String> {
        tree.nodes[id]
            .children
            .iter()
            .filter_map(|c| match c {
                Child::Element(e) => Some(tree.nodes[*e].tag.clone()),
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
