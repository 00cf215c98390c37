//! The layout as Markdown and as one self-contained HTML page: no script, no fetch, every piece
//! of article text escaped.

use htmlize::escape_text;

use super::layout::Block;

pub fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(*level as usize),
                one_line(text)
            )),
            Block::Paragraph(text) => out.push_str(&format!("{}\n\n", one_line(text))),
            Block::List(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", one_line(item)));
                }
                out.push('\n');
            }
            Block::Table { headers, rows } => {
                let cells = |row: &[String]| {
                    let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out.push_str(&cells(headers));
                out.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
                for row in rows {
                    out.push_str(&cells(row));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// Text on one line: article text may hold line breaks that would end a list item or a row.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;\
padding:0 1rem;color:#1d1d1f}h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.5rem;\
border-bottom:2px solid #ddd;padding-bottom:.3rem}h3{font-size:1.05rem;margin-top:1.6rem}\
table{border-collapse:collapse;width:100%;font-size:13px;margin:.5rem 0}\
th,td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}\
th{background:#f4f4f6;position:sticky;top:0}tr:nth-child(even) td{background:#fafafa}\
td.asserts{background:#e6f4ea!important}td.denies{background:#fde7e9!important}\
td.contested{color:#b3261e;font-weight:600}td.corroborated{color:#1e6b34;font-weight:600}\
li{margin:.25rem 0}td.oneline{white-space:nowrap}.wrap{overflow:auto;max-height:85vh}";

pub fn html(blocks: &[Block]) -> String {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading(1, text) => Some(text.as_str()),
            _ => None,
        })
        .unwrap_or("Parallax report");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape_text(title)
    );
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", escape_text(text)))
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape_text(text))),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    out.push_str(&format!("<li>{}</li>\n", escape_text(item)));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { headers, rows } => {
                out.push_str("<div class=\"wrap\"><table>\n<thead><tr>");
                for h in headers {
                    out.push_str(&format!("<th>{}</th>", escape_text(h)));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for c in row {
                        out.push_str(&format!("<td{}>{}</td>", class_of(c), escape_text(c)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody></table></div>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Cells that hold a stance or a status are coloured by it.
fn class_of(cell: &str) -> &'static str {
    if is_date(cell) || is_doc_label(cell) {
        return " class=\"oneline\"";
    }
    match cell {
        "asserts" => " class=\"asserts\"",
        "denies" | "asserts, denies" => " class=\"denies\"",
        "contested" => " class=\"contested\"",
        "corroborated" => " class=\"corroborated\"",
        _ => "",
    }
}

/// "doc 12": kept on one line.
fn is_doc_label(cell: &str) -> bool {
    cell.strip_prefix("doc ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "2031-03-02" or "2031-03-02 – 2031-03-04": kept on one line.
fn is_date(cell: &str) -> bool {
    let b = cell.as_bytes();
    b.len() >= 10 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[7] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_is_escaped_and_fetches_nothing() {
        let blocks = vec![
            Block::Heading(1, "Report".into()),
            Block::Paragraph("<script>alert(1)</script> & <img src=x>".into()),
            Block::Table {
                headers: vec!["a".into()],
                rows: vec![vec!["<b>bold</b>".into()]],
            },
        ];
        let page = html(&blocks);
        assert!(!page.contains("<script>"));
        assert!(!page.contains("<img"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x&gt;"));
        assert!(page.contains("&lt;b&gt;bold&lt;/b&gt;"));
        assert!(!page.contains("http"), "no outside address in the page");
    }

    #[test]
    fn markdown_rows_stay_one_line_and_pipes_are_escaped() {
        let blocks = vec![Block::Table {
            headers: vec!["claim".into()],
            rows: vec![vec!["a | b\nc".into()]],
        }];
        let md = markdown(&blocks);
        assert!(md.contains("| a \\| b c |"), "{md}");
    }

    #[test]
    fn dates_and_document_names_stay_on_one_line() {
        let blocks = vec![Block::Table {
            headers: vec!["doc".into(), "date".into(), "what".into()],
            rows: vec![vec![
                "doc 12".into(),
                "2026-11-09".into(),
                "doc about it".into(),
            ]],
        }];
        let page = html(&blocks);
        assert!(page.contains("<td class=\"oneline\">doc 12</td>"), "{page}");
        assert!(
            page.contains("<td class=\"oneline\">2026-11-09</td>"),
            "{page}"
        );
        assert!(page.contains("<td>doc about it</td>"), "{page}");
    }
}
