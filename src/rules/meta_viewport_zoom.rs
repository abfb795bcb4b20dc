//! `meta-viewport-zoom`: a `<meta name="viewport">` does not prevent zooming with
//! `user-scalable=no` or a `maximum-scale` under 2 (ACT b4f0c3, WCAG 1.4.4). Values are read as
//! the CSS Device Adaptation translation does: `yes` is 1, `no` and unknown words 0,
//! `device-width`/`device-height` 10, numbers by their leading numeric part.

use super::common;
use super::{Context, Evaluation, Examples, Impact, Needs, Rule, RuleMeta};
use crate::dom::{local_name, NodeId};

/// Metadata.
pub const META: RuleMeta = RuleMeta {
    id: "meta-viewport-zoom",
    title: "The viewport meta element allows zooming",
    wcag: &["1.4.4"],
    act: &["b4f0c3"],
    impact: Impact::Critical,
    best_practice: false,
    needs: Needs::Static,
    help: "People with low vision zoom in on mobile browsers to read; user-scalable=no or a small maximum-scale stops them (some browsers ignore it, many don't).",
    fix: "Remove user-scalable=no and maximum-scale, or set maximum-scale to 2 or more, e.g. <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">.",
    examples: Examples {
        pass: &[
            "<meta name=\"viewport\" content=\"user-scalable=yes\">",
            "<meta name=\"viewport\" content=\"width=device-width, maximum-scale=2.0\">",
        ],
        fail: &[
            "<meta name=\"viewport\" content=\"width=device-width, user-scalable=no\">",
            "<meta name=\"viewport\" content=\"maximum-scale=1.0\">",
        ],
        inapplicable: &[
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"viewport\">",
        ],
    },
};

/// `key=value` pairs of a viewport `content` attribute (separators: comma, semicolon and
/// whitespace; whitespace around `=` is allowed). Keys are lower-cased.
fn pairs(content: &str) -> Vec<(String, String)> {
    // Separators become spaces, then spaces next to `=` are dropped so `a = b` reads `a=b`.
    let mut joined = String::with_capacity(content.len());
    for c in content.chars() {
        let c = if c == ',' || c == ';' || c.is_whitespace() { ' ' } else { c };
        if c == ' ' && (joined.ends_with(' ') || joined.ends_with('=')) {
            continue;
        }
        if c == '=' && joined.ends_with(' ') {
            joined.pop();
        }
        joined.push(c);
    }
    joined
        .split(' ')
        .filter(|w| !w.is_empty() && !w.starts_with('='))
        .map(|w| {
            let (k, v) = w.split_once('=').unwrap_or((w, ""));
            (k.to_ascii_lowercase(), v.to_string())
        })
        .collect()
}

/// The numeric translation of a viewport value.
fn number(value: &str) -> f32 {
    let v = value.to_ascii_lowercase();
    match v.as_str() {
        "yes" => return 1.0,
        "no" => return 0.0,
        "device-width" | "device-height" => return 10.0,
        _ => {}
    }
    // Leading numeric part, as strtod does.
    let end = v
        .char_indices()
        .take_while(|(i, c)| c.is_ascii_digit() || *c == '.' || (*i == 0 && (*c == '-' || *c == '+')))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    v.get(..end).and_then(|n| n.parse::<f32>().ok()).unwrap_or(0.0)
}

enum Reason {
    Zoomable,
    NotScalable(String),
    MaxScale(String),
}

impl Reason {
    fn evaluation(self) -> Evaluation {
        match self {
            Reason::Zoomable => Evaluation::passed("The viewport settings allow zooming to at least 200%."),
            Reason::NotScalable(v) => Evaluation::failed(format!(
                "user-scalable={v} stops people from zooming in to read the page."
            )),
            Reason::MaxScale(v) => Evaluation::failed(format!(
                "maximum-scale={v} limits zoom to less than 200%, too little for people with low vision."
            )),
        }
    }
}

/// The rule.
pub struct MetaViewportZoom;

impl Rule for MetaViewportZoom {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn applicable(&self, cx: &Context) -> Vec<NodeId> {
        common::html_with_tag(cx, &local_name!("meta"))
            .filter(|(_, el)| {
                el.attr(&local_name!("name")).is_some_and(|n| n.trim().eq_ignore_ascii_case("viewport"))
                    && el.attr(&local_name!("content")).is_some_and(|c| {
                        pairs(c).iter().any(|(k, _)| k == "maximum-scale" || k == "user-scalable")
                    })
            })
            .map(|(id, _)| id)
            .collect()
    }

    fn evaluate(&self, cx: &Context, target: NodeId) -> Evaluation {
        let content = cx.snap.element(target).and_then(|el| el.attr(&local_name!("content"))).unwrap_or("");
        let pairs = pairs(content);
        // The last occurrence of a key wins.
        let get = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let reason = if let Some(v) = get("user-scalable").filter(|v| number(v).abs() < 1.0) {
            Reason::NotScalable(v)
        } else if let Some(v) = get("maximum-scale").filter(|v| {
            let n = number(v);
            (0.0..2.0).contains(&n)
        }) {
            Reason::MaxScale(v)
        } else {
            Reason::Zoomable
        };
        reason.evaluation()
    }
}

#[cfg(test)]
mod tests {
    use super::{number, pairs};

    #[test]
    fn examples() {
        super::super::testing::check_examples(&super::META);
    }

    #[test]
    fn parsing() {
        assert_eq!(
            pairs("width=device-width,initial-scale = 1; user-scalable=no"),
            vec![
                ("width".into(), "device-width".into()),
                ("initial-scale".into(), "1".into()),
                ("user-scalable".into(), "no".into())
            ]
        );
        assert_eq!(number("yes"), 1.0);
        assert_eq!(number("5"), 5.0);
        assert_eq!(number("-1"), -1.0);
        assert_eq!(number("2.0abc"), 2.0);
        assert_eq!(number("invalid"), 0.0);
        assert_eq!(number("device-width"), 10.0);
    }

    #[test]
    fn act_values() {
        use super::super::testing::outcomes;
        use crate::Outcome;
        let one = |c: &str| {
            outcomes("meta-viewport-zoom", &format!("<meta name=\"viewport\" content=\"{c}\">")).first().map(|o| o.0)
        };
        for pass in ["maximum-scale=-1", "user-scalable=5", "maximum-scale=device-width", "user-scalable=yes, maximum-scale=2"] {
            assert_eq!(one(pass), Some(Outcome::Passed), "{pass}");
        }
        for fail in ["user-scalable=0.5", "user-scalable=invalid", "maximum-scale=invalid", "maximum-scale=yes",
            "user-scalable=yes, initial-scale=0.8, maximum-scale=1.5"] {
            assert_eq!(one(fail), Some(Outcome::Failed), "{fail}");
        }
    }
}
