use std::io::Write;
#[test]
fn dump() {
    let split = std::path::Path::new("../shared/data/polnear/dev");
    let files = parallax::readers::polnear_split(split).unwrap();
    let names: Vec<String> = files.iter().map(|f| f.0.clone()).collect();
    let arts = parallax::extract::polnear_articles(files).unwrap();
    let tagger = parallax::extract::shipped_attribution();
    let mut out = std::fs::File::create("/tmp/d14/pred.tsv").unwrap();
    for (name, (text, _)) in names.iter().zip(&arts) {
        for a in tagger.attributions(text) {
            let s = a.source.map_or("".into(), |(x, y)| format!("{x},{y}"));
            let c = a
                .content
                .map(|c| a.continued.map_or(c, |r| (c.0, r.1)))
                .map_or("".into(), |(x, y)| format!("{x},{y}"));
            writeln!(out, "{name}\t{},{}\t{s}\t{c}", a.cue.0, a.cue.1).unwrap();
        }
    }
}
